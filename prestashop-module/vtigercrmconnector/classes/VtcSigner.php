<?php
/**
 * vtiger CRM Connector for PrestaShop: the webhook signature.
 *
 * X-Connector-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * The secret is used as its UTF-8 bytes and the body exactly as sent: PHP strings are bytes, so the
 * UTF-8 text stored in the configuration and the JSON body go into hash_hmac() unchanged.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcSigner
{
    const HEADER = 'X-Connector-Signature';

    /** The connector refuses signatures whose timestamp is further than this from its clock. */
    const MAX_CLOCK_SKEW_SECONDS = 300;

    /**
     * @param string $secret
     * @param string $body raw body bytes
     * @param int $timestamp unix seconds (the time of sending, never the time of the event)
     *
     * @return string header value
     */
    public static function sign($secret, $body, $timestamp)
    {
        $t = (string) (int) $timestamp;

        return 't=' . $t . ',v1=' . hash_hmac('sha256', $t . '.' . $body, (string) $secret);
    }

    /**
     * Same rules as the connector's verifier (lib/webhooks/signature.ts); used by the tests.
     *
     * @param string $header
     * @param string $body
     * @param string $secret
     * @param int $now
     *
     * @return bool
     */
    public static function verify($header, $body, $secret, $now)
    {
        $t = null;
        $given = array();
        foreach (explode(',', (string) $header) as $part) {
            $pair = explode('=', trim($part), 2);
            if (count($pair) !== 2) {
                continue;
            }
            if ($pair[0] === 't' && preg_match('/^\d{1,12}$/', $pair[1])) {
                $t = (int) $pair[1];
            } elseif ($pair[0] === 'v1' && preg_match('/^[0-9a-f]{64}$/i', $pair[1])) {
                $given[] = strtolower($pair[1]);
            }
        }
        if ($t === null || !$given) {
            return false;
        }
        $expected = hash_hmac('sha256', $t . '.' . $body, (string) $secret);
        $match = false;
        foreach ($given as $candidate) {
            if (hash_equals($expected, $candidate)) {
                $match = true;
            }
        }

        return $match && abs((int) $now - $t) <= self::MAX_CLOCK_SKEW_SECONDS;
    }
}
