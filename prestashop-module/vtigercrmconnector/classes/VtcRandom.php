<?php
/**
 * vtiger CRM Connector for PrestaShop: random bytes, event ids and tokens.
 *
 * PHP 5.6 has no random_bytes(); fall back to OpenSSL, then to mt_rand (ids only need to be unique,
 * the cron token is the only secret made here and OpenSSL is present on every supported shop).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcRandom
{
    /**
     * @param int $length
     *
     * @return string raw bytes
     */
    public static function bytes($length)
    {
        $length = max(1, (int) $length);
        if (function_exists('random_bytes')) {
            try {
                return random_bytes($length);
            } catch (Exception $e) {
                // fall through
            } catch (Throwable $e) {
                // fall through
            }
        }
        if (function_exists('openssl_random_pseudo_bytes')) {
            $strong = false;
            $bytes = openssl_random_pseudo_bytes($length, $strong);
            if ($bytes !== false && strlen($bytes) === $length) {
                return $bytes;
            }
        }
        $bytes = '';
        for ($i = 0; $i < $length; ++$i) {
            $bytes .= chr(mt_rand(0, 255));
        }

        return $bytes;
    }

    /**
     * @return string RFC 4122 version 4 UUID, e.g. "3f0c9b6e-2d1a-4c5e-9a7b-0e8f1d2c3b4a"
     */
    public static function uuid4()
    {
        $bytes = self::bytes(16);
        $bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);
        $hex = bin2hex($bytes);

        return substr($hex, 0, 8) . '-' . substr($hex, 8, 4) . '-' . substr($hex, 12, 4) . '-'
            . substr($hex, 16, 4) . '-' . substr($hex, 20, 12);
    }

    /**
     * @param int $bytes
     *
     * @return string lowercase hex, twice as long as $bytes
     */
    public static function hex($bytes)
    {
        return bin2hex(self::bytes($bytes));
    }
}
