<?php
/**
 * The only fake in the outbox tests: the HTTP transport. Answers from a script (a list of
 * statuses, 0 = network error, 'throw' = an exception), then 202; records every request.
 */
class VtcFakeTransport implements VtcTransport
{
    /** @var array */
    public $script;

    /** @var array each: array('url', 'body', 'headers', 'signature', 'at') */
    public $requests = array();

    /** @var callable|null */
    private $clock;

    public function __construct(array $script = array(), $clock = null)
    {
        $this->script = $script;
        $this->clock = $clock;
    }

    public function post($url, $body, array $headers)
    {
        $signature = null;
        foreach ($headers as $line) {
            if (stripos($line, VtcSigner::HEADER . ':') === 0) {
                $signature = trim(substr($line, strlen(VtcSigner::HEADER) + 1));
            }
        }
        $this->requests[] = array(
            'url' => $url,
            'body' => $body,
            'headers' => $headers,
            'signature' => $signature,
            'at' => $this->clock ? call_user_func($this->clock) : time(),
        );
        $next = $this->script ? array_shift($this->script) : 202;
        if ($next === 'throw') {
            throw new RuntimeException('transport exploded');
        }
        if ($next === 0) {
            return array('status' => 0, 'body' => '', 'error' => 'Connection refused');
        }
        $answers = array(
            200 => '{"status":"duplicate"}',
            202 => '{"status":"accepted"}',
            400 => '{"error":"Malformed event: type: Invalid input"}',
            401 => '{"error":"Invalid signature: the body was not signed with the connector\'s webhook secret."}',
            413 => '{"error":"Body larger than 64 KiB: events carry ids only."}',
        );

        return array('status' => (int) $next, 'body' => isset($answers[$next]) ? $answers[$next] : '<html>Bad Gateway</html>', 'error' => '');
    }

    /**
     * @return string[] bodies' "type/id" in the order they were posted
     */
    public function sentTypes()
    {
        $out = array();
        foreach ($this->requests as $request) {
            $decoded = json_decode($request['body'], true);
            $out[] = $decoded['type'] . '#' . implode(',', $decoded['data']);
        }

        return $out;
    }
}
