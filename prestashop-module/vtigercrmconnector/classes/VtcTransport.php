<?php
/**
 * vtiger CRM Connector for PrestaShop: what the sender needs from HTTP.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

interface VtcTransport
{
    /**
     * POSTs a body. Must not throw for network errors: it reports them with status 0.
     *
     * @param string $url
     * @param string $body
     * @param string[] $headers "Name: value" lines
     *
     * @return array array('status' => int (0 = no HTTP answer), 'body' => string, 'error' => string)
     */
    public function post($url, $body, array $headers);
}
