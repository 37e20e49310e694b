<?php
/**
 * vtiger CRM Connector for PrestaShop: HTTP POST with short timeouts.
 *
 * cURL when the extension is loaded, else PHP's http stream wrapper. Never follows redirects (a
 * redirect means the configured URL is wrong, and would turn the POST into a GET), never throws.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcHttpTransport implements VtcTransport
{
    /** Answers are JSON of a few hundred bytes; keep at most this much of whatever comes back. */
    const MAX_RESPONSE_BYTES = 8192;

    /** @var int */
    private $connectTimeout;

    /** @var int */
    private $timeout;

    /** @var string auto|curl|stream */
    private $method;

    /** @var string */
    private $lastWarning = '';

    /**
     * @param int $connectTimeout seconds
     * @param int $timeout seconds, whole exchange
     * @param string $method auto|curl|stream
     */
    public function __construct($connectTimeout = 2, $timeout = 3, $method = 'auto')
    {
        $this->connectTimeout = max(1, (int) $connectTimeout);
        $this->timeout = max($this->connectTimeout, (int) $timeout);
        $this->method = in_array($method, array('curl', 'stream'), true) ? $method : 'auto';
    }

    /**
     * @return string curl|stream
     */
    public function method()
    {
        if ($this->method !== 'auto') {
            return $this->method;
        }

        return function_exists('curl_init') ? 'curl' : 'stream';
    }

    public function post($url, $body, array $headers)
    {
        try {
            if ($this->method() === 'curl') {
                return $this->postWithCurl($url, $body, $headers);
            }

            return $this->postWithStream($url, $body, $headers);
        } catch (Exception $e) {
            return array('status' => 0, 'body' => '', 'error' => get_class($e) . ': ' . $e->getMessage());
        } catch (Throwable $e) {
            return array('status' => 0, 'body' => '', 'error' => get_class($e) . ': ' . $e->getMessage());
        }
    }

    private function postWithCurl($url, $body, array $headers)
    {
        $handle = curl_init($url);
        if ($handle === false) {
            return array('status' => 0, 'body' => '', 'error' => 'curl_init failed');
        }
        $headers[] = 'Expect:';
        curl_setopt($handle, CURLOPT_POST, true);
        curl_setopt($handle, CURLOPT_POSTFIELDS, $body);
        curl_setopt($handle, CURLOPT_HTTPHEADER, $headers);
        curl_setopt($handle, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($handle, CURLOPT_HEADER, false);
        curl_setopt($handle, CURLOPT_FOLLOWLOCATION, false);
        curl_setopt($handle, CURLOPT_CONNECTTIMEOUT, $this->connectTimeout);
        curl_setopt($handle, CURLOPT_TIMEOUT, $this->timeout);
        curl_setopt($handle, CURLOPT_NOSIGNAL, true);
        curl_setopt($handle, CURLOPT_SSL_VERIFYPEER, true);
        curl_setopt($handle, CURLOPT_SSL_VERIFYHOST, 2);
        $answer = curl_exec($handle);
        $status = 0;
        $error = '';
        if ($answer === false) {
            $error = 'cURL error ' . curl_errno($handle) . ': ' . curl_error($handle);
            $answer = '';
        } else {
            $status = (int) curl_getinfo($handle, CURLINFO_HTTP_CODE);
        }
        if (PHP_VERSION_ID < 80000) {
            curl_close($handle);
        }
        unset($handle);

        return array('status' => $status, 'body' => substr((string) $answer, 0, self::MAX_RESPONSE_BYTES), 'error' => $error);
    }

    private function postWithStream($url, $body, array $headers)
    {
        $headers[] = 'Content-Length: ' . strlen($body);
        $context = stream_context_create(array(
            'http' => array(
                'method' => 'POST',
                'header' => implode("\r\n", $headers),
                'content' => $body,
                'timeout' => (float) $this->timeout,
                'ignore_errors' => true,
                'follow_location' => 0,
                'max_redirects' => 1,
                'protocol_version' => 1.0,
            ),
            'ssl' => array(
                'verify_peer' => true,
                'verify_peer_name' => true,
            ),
        ));
        $this->lastWarning = '';
        set_error_handler(array($this, 'captureWarning'));
        try {
            $answer = file_get_contents($url, false, $context, 0, self::MAX_RESPONSE_BYTES);
        } finally {
            restore_error_handler();
        }

        if (function_exists('http_get_last_response_headers')) {
            $responseHeaders = http_get_last_response_headers();
        } else {
            $responseHeaders = isset($http_response_header) ? $http_response_header : null;
        }
        $status = 0;
        if (is_array($responseHeaders)) {
            foreach ($responseHeaders as $line) {
                if (preg_match('#^HTTP/\S+\s+(\d{3})#', $line, $match)) {
                    $status = (int) $match[1];
                }
            }
        }
        $error = '';
        if ($status === 0) {
            $error = $this->lastWarning !== '' ? $this->lastWarning : 'No HTTP answer';
        }

        return array('status' => $status, 'body' => $answer === false ? '' : (string) $answer, 'error' => $error);
    }

    /**
     * @internal error handler for the stream wrapper's warnings ("Connection refused", timeouts…)
     */
    public function captureWarning($errno, $message)
    {
        $this->lastWarning = preg_replace('/^file_get_contents\([^)]*\): /', '', (string) $message);

        return true;
    }
}
