<?php
/**
 * vtiger CRM Connector for PrestaShop: signs a stored body at sending time and POSTs it.
 *
 * The signature timestamp is always the time of this attempt, so an event that waited in the outbox
 * longer than the connector's 5-minute window is simply signed again: it is never dropped for age.
 * The body (with its original id and occurredAt) is sent byte for byte as stored, so a retry of an
 * event the connector already stored is answered 200 "duplicate".
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcSender
{
    const OUTCOME_SENT = 'sent';
    const OUTCOME_RETRY = 'retry';
    const OUTCOME_FAILED = 'failed';

    /** @var VtcTransport */
    private $transport;

    /** @var string */
    private $url;

    /** @var string */
    private $secret;

    /** @var callable|null returns unix seconds */
    private $clock;

    /** @var string */
    private $userAgent;

    /**
     * @param VtcTransport $transport
     * @param string $url
     * @param string $secret
     * @param callable|null $clock
     * @param string $userAgent
     */
    public function __construct(VtcTransport $transport, $url, $secret, $clock = null, $userAgent = 'vtigercrmconnector')
    {
        $this->transport = $transport;
        $this->url = trim((string) $url);
        $this->secret = (string) $secret;
        $this->clock = $clock;
        $this->userAgent = (string) $userAgent;
    }

    /**
     * @return bool
     */
    public function isConfigured()
    {
        return $this->url !== '' && $this->secret !== '';
    }

    /**
     * @param string $body
     *
     * @return array array('outcome' => sent|retry|failed, 'status' => int, 'message' => string,
     *               'body' => string, 'signedAt' => int)
     */
    public function send($body)
    {
        $signedAt = $this->now();
        if (!$this->isConfigured()) {
            return array('outcome' => self::OUTCOME_RETRY, 'status' => 0, 'message' => 'Connector URL or secret not configured', 'body' => '', 'signedAt' => $signedAt);
        }
        $headers = array(
            'Content-Type: application/json',
            'Accept: application/json',
            VtcSigner::HEADER . ': ' . VtcSigner::sign($this->secret, $body, $signedAt),
            'User-Agent: ' . $this->userAgent,
        );
        try {
            $response = $this->transport->post($this->url, (string) $body, $headers);
        } catch (Exception $e) {
            $response = array('status' => 0, 'body' => '', 'error' => get_class($e) . ': ' . $e->getMessage());
        } catch (Throwable $e) {
            $response = array('status' => 0, 'body' => '', 'error' => get_class($e) . ': ' . $e->getMessage());
        }
        $status = isset($response['status']) ? (int) $response['status'] : 0;
        $answer = isset($response['body']) ? (string) $response['body'] : '';
        $error = isset($response['error']) ? (string) $response['error'] : '';

        return array(
            'outcome' => self::classify($status),
            'status' => $status,
            'message' => self::describe($status, $answer, $error),
            'body' => $answer,
            'signedAt' => $signedAt,
        );
    }

    /**
     * 2xx: delivered (202 stored, 200 duplicate). 400 and 413 (and 422): the connector will never
     * accept this body, retrying is pointless. Anything else (no answer, 5xx, 401 wrong secret or
     * clock, 404 wrong URL, 429…) may heal: retry later.
     *
     * @param int $status
     *
     * @return string
     */
    public static function classify($status)
    {
        $status = (int) $status;
        if ($status >= 200 && $status < 300) {
            return self::OUTCOME_SENT;
        }
        if ($status === 400 || $status === 413 || $status === 422) {
            return self::OUTCOME_FAILED;
        }

        return self::OUTCOME_RETRY;
    }

    /**
     * @return string one line, for the outbox's last_error column
     */
    public static function describe($status, $answer, $error)
    {
        if ((int) $status === 0) {
            return 'No answer: ' . ($error !== '' ? $error : 'network error');
        }
        $text = trim(preg_replace('/\s+/', ' ', (string) $answer));
        $decoded = json_decode($text, true);
        if (is_array($decoded) && isset($decoded['error']) && is_string($decoded['error'])) {
            $text = $decoded['error'];
        }

        return 'HTTP ' . (int) $status . ($text !== '' ? ': ' . $text : '');
    }

    /**
     * The configuration page's test: a correctly signed body whose type is deliberately not an event
     * type. The connector checks, in order, size (413), signature and timestamp (401), then shape
     * (400), and stores nothing unless all pass: a 400 proves URL, secret and clock are right without
     * creating anything in the CRM.
     *
     * @return array array('status', 'body', 'message', 'verdict', 'request')
     */
    public function ping()
    {
        $request = json_encode(array(
            'id' => 'vtc-ping-' . VtcRandom::uuid4(),
            'type' => 'connector.ping',
            'occurredAt' => gmdate('Y-m-d\TH:i:s\Z', $this->now()),
            'data' => new stdClass(),
        ));
        $result = $this->send($request);

        return array(
            'status' => $result['status'],
            'body' => $result['body'],
            'message' => $result['message'],
            'verdict' => self::verdict($result['status'], $result['body']),
            'request' => $request,
        );
    }

    /**
     * @param int $status
     * @param string $answer
     *
     * @return string ok|signature_ok|bad_secret|clock|not_found|redirect|too_large|server_error|network|unexpected
     */
    public static function verdict($status, $answer)
    {
        $status = (int) $status;
        if ($status >= 200 && $status < 300) {
            return 'ok';
        }
        if ($status === 400) {
            return 'signature_ok';
        }
        if ($status === 401) {
            return stripos((string) $answer, 'timestamp') !== false ? 'clock' : 'bad_secret';
        }
        if ($status === 404 || $status === 405) {
            return 'not_found';
        }
        if ($status >= 300 && $status < 400) {
            return 'redirect';
        }
        if ($status === 413) {
            return 'too_large';
        }
        if ($status >= 500) {
            return 'server_error';
        }
        if ($status === 0) {
            return 'network';
        }

        return 'unexpected';
    }

    private function now()
    {
        return $this->clock ? (int) call_user_func($this->clock) : time();
    }
}
