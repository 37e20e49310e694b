<?php
/**
 * Tests for the vtigercrmconnector module, with plain PHP (5.6 to 8.x, no Composer):
 *
 *   php prestashop-module/tests/run.php                  run everything, exit 1 on a failure
 *   php prestashop-module/tests/run.php --emit-payloads  print one signed payload per event hook (JSON on
 *                                                        stdout) for prestashop-module/payloads.test.ts
 *   php prestashop-module/tests/run.php --send-to=URL --secret=S [--transport=curl|stream]
 *                                                        deliver one event per hook to a real HTTP
 *                                                        receiver through the real transport (JSON report)
 *
 * Every run writes prestashop-module/tests/out/payloads.json.
 */
error_reporting(-1);
ini_set('display_errors', 'stderr');
set_error_handler('vtcTestErrorHandler');

function vtcTestErrorHandler($errno, $message, $file, $line)
{
    if (!(error_reporting() & $errno)) {
        return false;
    }
    throw new ErrorException($message, 0, $errno, $file, $line);
}

$testsDir = dirname(__FILE__);
$moduleRoot = dirname($testsDir);
$repoRoot = dirname($moduleRoot);

$options = array('emit-payloads' => false, 'send-to' => '', 'secret' => '', 'transport' => 'auto');
foreach (array_slice($argv, 1) as $arg) {
    if ($arg === '--emit-payloads') {
        $options['emit-payloads'] = true;
    } elseif (preg_match('/^--(send-to|secret|transport)=(.*)$/s', $arg, $match)) {
        $options[$match[1]] = $match[2];
    } else {
        fwrite(STDERR, "Unknown argument: $arg\n");
        exit(2);
    }
}

require $testsDir . '/lib/PrestaShopStubs.php';
require $moduleRoot . '/vtigercrmconnector/vtigercrmconnector.php';
require $testsDir . '/lib/Assert.php';
require $testsDir . '/lib/FakeClock.php';
require $testsDir . '/lib/FakeTransport.php';
require $testsDir . '/lib/ArrayStorage.php';
require $testsDir . '/lib/SqliteDb.php';

/**
 * The module with its three seams replaced: storage, HTTP transport, and the shutdown registration.
 */
class TestableVtigercrmconnector extends Vtigercrmconnector
{
    public $storage;
    public $transport;
    public $shutdowns = array();

    public function __construct(VtcStorage $storage, VtcTransport $transport)
    {
        $this->storage = $storage;
        $this->transport = $transport;
        parent::__construct();
        self::$flushScheduled = false;
        self::$inCron = false;
    }

    protected function createStorage()
    {
        return $this->storage;
    }

    protected function createTransport()
    {
        return $this->transport;
    }

    protected function registerShutdown($callback)
    {
        $this->shutdowns[] = $callback;
    }

    protected function detachFromClient()
    {
        return true;
    }

    public function runShutdowns()
    {
        $callbacks = $this->shutdowns;
        $this->shutdowns = array();
        self::$flushScheduled = false;
        foreach ($callbacks as $callback) {
            call_user_func($callback);
        }
    }

    public function newRequest()
    {
        $this->eventFactory = new VtcEventFactory(VtcRandom::hex(8));
        $this->outbox = null;
        self::$flushScheduled = false;
        self::$inCron = false;
    }
}

/**
 * A storage whose every call fails, as a lost database connection would.
 */
class VtcExplodingStorage extends VtcArrayStorage
{
    public function insert(array $row)
    {
        throw new RuntimeException('MySQL server has gone away');
    }

    public function fetchPending($limit)
    {
        throw new RuntimeException('MySQL server has gone away');
    }

}

/**
 * One call per event hook, with parameters shaped like PrestaShop's (ObjectModel stand-ins; ids as
 * ints or, as ObjectModel loads them, digit strings; plus the cookie/cart/altern Hook::exec adds).
 *
 * @return array list of array(hook, params, expected type, expected data)
 */
function vtcHookFixtures()
{
    $extra = array('cookie' => new stdClass(), 'cart' => new stdClass(), 'altern' => 3);

    return array(
        array('actionCustomerAccountAdd', array('newCustomer' => (object) array('id' => 42, 'passwd' => 'x', 'is_guest' => 0), '_POST' => array()) + $extra, 'customer.created', array('customerId' => 42)),
        array('actionObjectCustomerAddAfter', array('object' => (object) array('id' => 43)) + $extra, 'customer.created', array('customerId' => 43)),
        array('actionAuthentication', array('customer' => (object) array('id' => 42)) + $extra, 'customer.login', array('customerId' => 42)),
        array('actionValidateOrder', array('order' => (object) array('id' => 1001, 'id_customer' => 42), 'customer' => (object) array('id' => 42), 'orderStatus' => (object) array('id' => 2), 'currency' => new stdClass()) + $extra, 'order.created', array('orderId' => 1001)),
        array('actionObjectOrderAddAfter', array('object' => (object) array('id' => 1002)) + $extra, 'order.created', array('orderId' => 1002)),
        array('actionOrderStatusPostUpdate', array('newOrderStatus' => (object) array('id' => 4), 'oldOrderStatus' => (object) array('id' => 2), 'id_order' => 1001) + $extra, 'order.status_changed', array('orderId' => 1001, 'orderStateId' => 4)),
        array('actionObjectOrderHistoryAddAfter', array('object' => (object) array('id' => 9, 'id_order' => '1002', 'id_order_state' => '3', 'id_employee' => 1)) + $extra, 'order.status_changed', array('orderId' => 1002, 'orderStateId' => 3)),
        array('actionOrderEdited', array('order' => (object) array('id' => 1001)) + $extra, 'order.updated', array('orderId' => 1001)),
        array('actionObjectOrderDetailDeleteAfter', array('object' => (object) array('id' => 8, 'id_order' => '1002', 'product_id' => 7)) + $extra, 'order.updated', array('orderId' => 1002)),
        array('actionProductCancel', array('order' => (object) array('id' => 1003), 'id_order_detail' => 5, 'cancel_quantity' => 1, 'action' => 0) + $extra, 'order.updated', array('orderId' => 1003)),
        array('actionProductAdd', array('id_product_old' => null, 'id_product' => 7, 'product' => (object) array('id' => 7)) + $extra, 'product.created', array('productId' => 7)),
        array('actionObjectProductAddAfter', array('object' => (object) array('id' => 8)) + $extra, 'product.created', array('productId' => 8)),
    );
}

function vtcConfigure($url, $secret, $mode = 'request')
{
    Configuration::$values = array();
    Configuration::updateGlobalValue(Vtigercrmconnector::CONF_URL, $url);
    Configuration::updateGlobalValue(Vtigercrmconnector::CONF_SECRET, base64_encode($secret));
    Configuration::updateGlobalValue(Vtigercrmconnector::CONF_MODE, $mode);
    Configuration::updateGlobalValue(Vtigercrmconnector::CONF_CRON_TOKEN, 'cron-token-123');
    Configuration::updateGlobalValue(Vtigercrmconnector::CONF_DUE_AT, 0);
}

/**
 * Runs every event hook through the module (hook method → factory → outbox → sender → transport)
 * and returns what went over the wire.
 *
 * @return array list of array(hook, type, body, signature)
 */
function vtcEmitPayloads($secret)
{
    vtcConfigure('https://connector.example/api/webhooks/prestashop', $secret);
    $transport = new VtcFakeTransport();
    $module = new TestableVtigercrmconnector(new VtcArrayStorage(), $transport);
    $fixtures = vtcHookFixtures();
    foreach ($fixtures as $fixture) {
        $module->{'hook' . ucfirst($fixture[0])}($fixture[1]);
    }
    $module->runShutdowns();
    $payloads = array();
    foreach ($fixtures as $i => $fixture) {
        $request = isset($transport->requests[$i]) ? $transport->requests[$i] : array('body' => '', 'signature' => '');
        $payloads[] = array('hook' => $fixture[0], 'type' => $fixture[2], 'data' => $fixture[3], 'body' => $request['body'], 'signature' => $request['signature']);
    }

    return $payloads;
}

function vtcWritePayloads($testsDir, $secret, array $payloads)
{
    $document = array(
        'comment' => 'Generated by prestashop-module/tests/run.php: one signed request per event hook, as the module posts it.',
        'secret' => $secret,
        'hooks' => array_keys(Vtigercrmconnector::$hookList),
        'hookEvents' => VtcEventFactory::$hookEvents,
        'payloads' => $payloads,
    );
    $json = json_encode($document, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    if (!is_dir($testsDir . '/out')) {
        mkdir($testsDir . '/out', 0777, true);
    }
    file_put_contents($testsDir . '/out/payloads.json', $json . "\n");

    return $json;
}

/* ---------------------------------------------------------------------- --emit-payloads */

$payloadSecret = 'whsec_payload_test_é€_secret';
if ($options['emit-payloads']) {
    echo vtcWritePayloads($testsDir, $payloadSecret, vtcEmitPayloads($payloadSecret)), "\n";
    exit(0);
}

/* ---------------------------------------------------------------------- --send-to */

if ($options['send-to'] !== '') {
    vtcConfigure($options['send-to'], $options['secret']);
    $storage = new VtcArrayStorage();
    $transport = new VtcHttpTransport(2, 3, $options['transport']);
    $module = new TestableVtigercrmconnector($storage, $transport);
    foreach (vtcHookFixtures() as $fixture) {
        $module->{'hook' . ucfirst($fixture[0])}($fixture[1]);
        // The same change reported twice (as PrestaShop does) must still be one event.
        $module->{'hook' . ucfirst($fixture[0])}($fixture[1]);
    }
    $offset = 0;
    $clock = new VtcFakeClock(time());
    $sender = new VtcSender($transport, $options['send-to'], $options['secret'], $clock);
    $outbox = new VtcOutbox($storage, $sender, $clock);
    $rounds = array();
    for ($round = 0; $round < 10; ++$round) {
        $clock->now = time() + $offset;
        $stats = $outbox->flush(100, 30);
        $rounds[] = $stats;
        $next = $outbox->nextFlushAt();
        if ($next === 0) {
            break;
        }
        $offset += max(0, $next - $clock->now);
    }
    $rows = array();
    foreach ($storage->rows as $row) {
        $rows[] = array('type' => $row['event_type'], 'status' => $row['status'], 'attempts' => $row['attempts'], 'http' => $row['last_http_status'], 'error' => $row['last_error'], 'body' => $row['body']);
    }
    $first = reset($storage->rows);
    $again = $sender->send($first['body']);
    $ping = $sender->ping();
    $wrong = new VtcSender($transport, $options['send-to'], $options['secret'] . 'x');
    $wrongPing = $wrong->ping();
    echo json_encode(array(
        'transport' => $transport->method(),
        'rounds' => $rounds,
        'rows' => $rows,
        'resend' => array('status' => $again['status'], 'outcome' => $again['outcome']),
        'ping' => array('status' => $ping['status'], 'verdict' => $ping['verdict'], 'body' => $ping['body']),
        'wrongSecretPing' => array('status' => $wrongPing['status'], 'verdict' => $wrongPing['verdict']),
    ), JSON_UNESCAPED_SLASHES), "\n";
    exit(0);
}

/* ====================================================================== the tests */

VtcTest::section('Signer: the shared cross-language vectors (lib/webhooks/signature-vectors.json)');

$vectorFile = $repoRoot . '/lib/webhooks/signature-vectors.json';
VtcTest::test('the vector file is there and has vectors', function () use ($vectorFile) {
    VtcTest::ok(is_file($vectorFile), "missing $vectorFile");
    $vectors = json_decode(file_get_contents($vectorFile), true);
    VtcTest::ok(is_array($vectors) && count($vectors['vectors']) >= 3, 'expected at least 3 vectors');
});
$vectors = is_file($vectorFile) ? json_decode(file_get_contents($vectorFile), true) : array('vectors' => array());
foreach ($vectors['vectors'] as $vector) {
    VtcTest::test('reproduces: ' . $vector['name'], function () use ($vector) {
        VtcTest::eq($vector['signature'], VtcSigner::sign($vector['secret'], $vector['body'], $vector['timestamp']));
        VtcTest::ok(VtcSigner::verify($vector['signature'], $vector['body'], $vector['secret'], $vector['timestamp'] + 10), 'verify within the window');
        VtcTest::ok(VtcSigner::verify($vector['signature'], $vector['body'], $vector['secret'], $vector['timestamp'] - 300), 'verify at -300 s');
        VtcTest::ok(!VtcSigner::verify($vector['signature'], $vector['body'], $vector['secret'], $vector['timestamp'] + 301), 'refuse at +301 s');
        VtcTest::ok(!VtcSigner::verify($vector['signature'], $vector['body'] . ' ', $vector['secret'], $vector['timestamp']), 'refuse another body');
        VtcTest::ok(!VtcSigner::verify($vector['signature'], $vector['body'], 'other', $vector['timestamp']), 'refuse another secret');
    });
}
VtcTest::test('header format is t=<seconds>,v1=<64 hex>', function () {
    VtcTest::ok((bool) preg_match('/^t=1764410400,v1=[0-9a-f]{64}$/', VtcSigner::sign('s', '{}', 1764410400)));
});

/* ---------------------------------------------------------------------- outbox */

$storages = array('array storage' => function () {
    return new VtcArrayStorage();
});
if (VtcSqliteDb::available()) {
    $storages['VtcDbStorage on SQLite'] = function () {
        $db = new VtcSqliteDb();
        $db->createFromMysql(VtcDbStorage::createTableSql('ps_', 'InnoDB'));

        return new VtcDbStorage($db, 'ps_');
    };
} else {
    fwrite(STDERR, "\n(pdo_sqlite not loaded: VtcDbStorage's SQL is not exercised; install php-sqlite3 to run those tests)\n");
}

$secret = 'whsec_test_0123456789abcdef';
$url = 'https://connector.example/api/webhooks/prestashop';

foreach ($storages as $storageName => $makeStorage) {
    VtcTest::section("Outbox ($storageName)");

    $setup = function (array $script = array()) use ($makeStorage, $secret, $url) {
        $clock = new VtcFakeClock(1764410400);
        $transport = new VtcFakeTransport($script, $clock);
        $factory = new VtcEventFactory('req1', $clock);
        $storage = call_user_func($makeStorage);
        $outbox = new VtcOutbox($storage, new VtcSender($transport, $url, $secret, $clock), $clock);

        return array($clock, $transport, $factory, $storage, $outbox);
    };
    $rowsOf = function (VtcStorage $storage) {
        $rows = array();
        foreach ($storage->listRecent(array('pending', 'sent', 'failed'), 1000) as $row) {
            $rows[(int) $row['id']] = $row;
        }
        ksort($rows);

        return array_values($rows);
    };

    VtcTest::test('enqueue writes one row per dedupe key, across requests too', function () use ($setup, $rowsOf, $makeStorage) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup();
        VtcTest::ok($outbox->enqueue($factory->build('customer.created', 42)), 'first insert');
        VtcTest::ok(!$outbox->enqueue($factory->build('customer.created', 42)), 'same request');
        $nextRequest = new VtcOutbox($storage, null, $clock);
        VtcTest::ok(!$nextRequest->enqueue($factory->build('customer.created', 42)), 'storage keeps the key');
        $rows = $rowsOf($storage);
        VtcTest::eq(1, count($rows));
        VtcTest::eq('pending', $rows[0]['status']);
        VtcTest::eq(0, (int) $rows[0]['attempts']);
        VtcTest::eq(1764410400 + VtcOutbox::SETTLE_SECONDS, (int) $rows[0]['next_attempt_at']);
        VtcTest::eq('customer:42', $rows[0]['entity_key']);
    });

    VtcTest::test('a new row goes at once from the request that wrote it, after the settle delay from any other', function () use ($setup, $secret, $url) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup();
        $otherTransport = new VtcFakeTransport(array(), $clock);
        $cron = new VtcOutbox($storage, new VtcSender($otherTransport, $url, $secret, $clock), $clock);
        $outbox->enqueue($factory->build('order.created', 1));
        $stats = $cron->flush(10, 30);
        VtcTest::eq(0, count($otherTransport->requests), 'cron during validateOrder: not yet');
        VtcTest::eq(1, $stats['skipped']);
        VtcTest::eq($clock->now + VtcOutbox::SETTLE_SECONDS, $cron->nextFlushAt());
        $outbox->flush(10, 30);
        VtcTest::eq(array('order.created#1'), $transport->sentTypes(), 'the writing request sends it after its response');

        $outbox->enqueue($factory->build('order.updated', 1));
        $clock->advance(VtcOutbox::SETTLE_SECONDS);
        $cron->flush(10, 30);
        VtcTest::eq(array('order.updated#1'), $otherTransport->sentTypes(), 'then anyone may');
    });

    VtcTest::test('retries with exponential backoff until delivered (503, network error, exception, then 202)', function () use ($setup, $rowsOf) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup(array(503, 0, 'throw', 202));
        $t0 = $clock->now;
        $outbox->enqueue($factory->build('order.created', 1001));
        $stats = $outbox->flush(10, 30);
        VtcTest::ok($stats['stopped'] && $stats['retried'] === 1, 'first attempt fails');
        $row = current($rowsOf($storage));
        VtcTest::eq(1, (int) $row['attempts']);
        VtcTest::eq($t0 + 60, (int) $row['next_attempt_at']);
        VtcTest::eq(503, (int) $row['last_http_status']);
        VtcTest::contains('HTTP 503', $row['last_error']);
        VtcTest::eq($t0 + 60, $stats['pausedUntil']);

        $clock->now = $t0 + 59;
        $outbox->flush(10, 30);
        VtcTest::eq(1, count($transport->requests), 'not due before the delay');

        $clock->now = $t0 + 60;
        $outbox->flush(10, 30);
        $row = current($rowsOf($storage));
        VtcTest::eq(2, (int) $row['attempts']);
        VtcTest::eq($t0 + 60 + 120, (int) $row['next_attempt_at']);
        VtcTest::contains('Connection refused', $row['last_error']);

        $clock->now = $t0 + 180;
        $outbox->flush(10, 30);
        $row = current($rowsOf($storage));
        VtcTest::eq(3, (int) $row['attempts']);
        VtcTest::eq($t0 + 180 + 240, (int) $row['next_attempt_at']);
        VtcTest::contains('transport exploded', $row['last_error']);

        $clock->now = $t0 + 420;
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(1, $stats['sent']);
        $row = current($rowsOf($storage));
        VtcTest::eq('sent', $row['status']);
        VtcTest::eq(4, (int) $row['attempts']);
        VtcTest::eq(202, (int) $row['last_http_status']);
        VtcTest::eq($t0 + 420, (int) $row['sent_at']);
        VtcTest::eq(null, $row['last_error']);

        $times = array();
        foreach ($transport->requests as $request) {
            $times[] = $request['at'] - $t0;
        }
        VtcTest::eq(array(0, 60, 180, 420), $times, 'attempt times');
        VtcTest::eq(0, $outbox->nextFlushAt(), 'nothing left');
    });

    VtcTest::test('backoff: 1 min doubling, capped at 6 h', function () {
        $delays = array();
        foreach (array(1, 2, 3, 4, 5, 8, 9, 10, 11, 30, 1000) as $attempts) {
            $delays[] = VtcOutbox::backoffDelay($attempts);
        }
        VtcTest::eq(array(60, 120, 240, 480, 960, 7680, 15360, 21600, 21600, 21600, 21600), $delays);
    });

    VtcTest::test('keeps order per entity: a backing-off row holds back younger rows of its entity only', function () use ($setup) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup(array(503));
        $t0 = $clock->now;
        $outbox->enqueue($factory->build('order.created', 1));
        $outbox->enqueue($factory->build('order.status_changed', 1, 2));
        $outbox->enqueue($factory->build('customer.created', 2));
        $outbox->enqueue($factory->build('order.updated', 1));
        $outbox->enqueue($factory->build('product.created', 3));

        $stats = $outbox->flush(10, 30);
        VtcTest::ok($stats['stopped'], 'batch stops at the retryable failure');
        VtcTest::eq(array('order.created#1'), $transport->sentTypes());

        $clock->now = $t0 + 1;
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(2, $stats['sent']);
        VtcTest::eq(3, $stats['skipped'], 'order 1 rows wait');
        VtcTest::eq(array('order.created#1', 'customer.created#2', 'product.created#3'), $transport->sentTypes());
        VtcTest::eq($t0 + 60, $outbox->nextFlushAt(), 'rows queued behind a backing-off row are not due');

        $clock->now = $t0 + 60;
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(3, $stats['sent']);
        VtcTest::eq(
            array('order.created#1', 'customer.created#2', 'product.created#3', 'order.created#1', 'order.status_changed#1,2', 'order.updated#1'),
            $transport->sentTypes()
        );
    });

    VtcTest::test('400 and 413 fail for good with the reason; the entity goes on; 401 is retried', function () use ($setup, $rowsOf) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup(array(400, 202, 413, 401));
        $outbox->enqueue($factory->build('order.created', 5));
        $outbox->enqueue($factory->build('order.updated', 5));
        $outbox->enqueue($factory->build('product.created', 6));
        $outbox->enqueue($factory->build('customer.created', 7));
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(2, $stats['failed']);
        VtcTest::eq(1, $stats['sent']);
        VtcTest::eq(1, $stats['retried']);
        $rows = $rowsOf($storage);
        VtcTest::eq(array('failed', 'sent', 'failed', 'pending'), array($rows[0]['status'], $rows[1]['status'], $rows[2]['status'], $rows[3]['status']));
        VtcTest::eq('HTTP 400: Malformed event: type: Invalid input', $rows[0]['last_error']);
        VtcTest::contains('HTTP 413', $rows[2]['last_error']);
        VtcTest::contains('HTTP 401: Invalid signature', $rows[3]['last_error']);
        $clock->advance(100000);
        $outbox->flush(10, 30);
        VtcTest::eq(5, count($transport->requests), 'failed rows are not retried, the 401 one is');
        $rows = $rowsOf($storage);
        VtcTest::eq('sent', $rows[3]['status']);
    });

    VtcTest::test('an event older than the connector\'s 5-minute window is signed again at each attempt, never dropped', function () use ($setup, $secret) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup(array(0, 0));
        $t0 = $clock->now;
        $outbox->enqueue($factory->build('order.status_changed', 9, 4));
        $outbox->flush(10, 30);
        $clock->now = $t0 + 60;
        $outbox->flush(10, 30);
        $clock->now = $t0 + 3600;
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(1, $stats['sent']);
        VtcTest::eq(3, count($transport->requests));
        $bodies = array();
        foreach ($transport->requests as $request) {
            VtcTest::ok((bool) preg_match('/^t=(\d+),v1=[0-9a-f]{64}$/', $request['signature'], $m), 'header shape');
            VtcTest::eq($request['at'], (int) $m[1], 'signed with the time of the attempt');
            VtcTest::ok(VtcSigner::verify($request['signature'], $request['body'], $secret, $request['at']), 'valid when sent');
            $bodies[$request['body']] = true;
        }
        VtcTest::eq(1, count($bodies), 'the body (id, occurredAt) never changes');
        $last = end($transport->requests);
        VtcTest::ok(!VtcSigner::verify($transport->requests[0]['signature'], $last['body'], $secret, $last['at']), 'the first signature would be too old now');
        $decoded = json_decode($last['body'], true);
        VtcTest::eq(gmdate('Y-m-d\TH:i:s\Z', $t0), $decoded['occurredAt']);
    });

    VtcTest::test('gives up after MAX_ATTEMPTS retryable failures; "retry now" requeues and delivers', function () use ($setup, $rowsOf) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup(array_fill(0, VtcOutbox::MAX_ATTEMPTS, 500));
        $outbox->enqueue($factory->build('customer.login', 3));
        for ($i = 0; $i < VtcOutbox::MAX_ATTEMPTS; ++$i) {
            $outbox->flush(10, 30);
            $clock->advance(VtcOutbox::MAX_DELAY_SECONDS);
        }
        $row = current($rowsOf($storage));
        VtcTest::eq('failed', $row['status']);
        VtcTest::eq(VtcOutbox::MAX_ATTEMPTS, (int) $row['attempts']);
        VtcTest::contains('Gave up after 30 attempts. HTTP 500', $row['last_error']);
        $outbox->flush(10, 30);
        VtcTest::eq(VtcOutbox::MAX_ATTEMPTS, count($transport->requests));

        VtcTest::eq(1, $outbox->retryNow());
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(1, $stats['sent']);
        $row = current($rowsOf($storage));
        VtcTest::eq('sent', $row['status']);
        VtcTest::eq(1, (int) $row['attempts'], 'attempts restart at 0 on requeue');
    });

    VtcTest::test('a row being sent by another request holds back its entity', function () use ($setup) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup();
        $outbox->enqueue($factory->build('order.created', 1));
        $outbox->enqueue($factory->build('order.updated', 1));
        $outbox->enqueue($factory->build('product.created', 2));
        $pending = $storage->fetchPending(10);
        VtcTest::ok($storage->claim($pending[0]['id'], $clock->now, 60), 'other request claims');
        VtcTest::ok(!$storage->claim($pending[0]['id'], $clock->now, 60), 'second claim refused');
        $outbox->flush(10, 30);
        VtcTest::eq(array('product.created#2'), $transport->sentTypes());
        $clock->advance(61);
        $outbox->flush(10, 30);
        VtcTest::eq(array('product.created#2', 'order.created#1', 'order.updated#1'), $transport->sentTypes(), 'lock expired');
    });

    VtcTest::test('respects the per-call limit and reports more', function () use ($setup) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup();
        for ($i = 1; $i <= 5; ++$i) {
            $outbox->enqueue($factory->build('product.created', $i));
        }
        $stats = $outbox->flush(2, 30);
        VtcTest::eq(2, $stats['sent']);
        VtcTest::ok($stats['more']);
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(3, $stats['sent']);
        VtcTest::ok(!$stats['more']);
    });

    VtcTest::test('not configured: nothing is sent, rows wait', function () use ($makeStorage) {
        $clock = new VtcFakeClock(1000);
        $transport = new VtcFakeTransport();
        $storage = call_user_func($makeStorage);
        $outbox = new VtcOutbox($storage, new VtcSender($transport, '', '', $clock), $clock);
        $factory = new VtcEventFactory('r', $clock);
        $outbox->enqueue($factory->build('product.created', 1));
        $outbox->flush(10, 30);
        VtcTest::eq(0, count($transport->requests));
        VtcTest::eq(1000 + VtcOutbox::SETTLE_SECONDS, $outbox->nextFlushAt());
    });

    VtcTest::test('nextFlushAt, counts, listRecent and purge', function () use ($setup) {
        list($clock, $transport, $factory, $storage, $outbox) = $setup(array(202, 400, 503));
        $t0 = $clock->now;
        $outbox->enqueue($factory->build('product.created', 1));
        $outbox->enqueue($factory->build('product.created', 2));
        $outbox->enqueue($factory->build('product.created', 3));
        VtcTest::eq($t0 + VtcOutbox::SETTLE_SECONDS, $outbox->nextFlushAt(), 'for other processes');
        $stats = $outbox->flush(10, 30);
        VtcTest::eq(array('pending' => 1, 'sent' => 1, 'failed' => 1), $storage->countByStatus());
        VtcTest::eq($t0 + 60, $outbox->nextFlushAt());
        VtcTest::eq($t0 + 500, $outbox->nextFlushAt($t0 + 500), 'a paused connector pushes the next flush');
        $recent = $storage->listRecent(array('pending', 'failed'), 20);
        VtcTest::eq(2, count($recent));
        VtcTest::eq('pending', $recent[0]['status'], 'newest first');
        $clock->advance(31 * 86400);
        VtcTest::eq(1, $outbox->purge(30, 90), 'sent rows older than 30 days go');
        $clock->advance(60 * 86400);
        VtcTest::eq(1, $outbox->purge(30, 90), 'failed rows older than 90 days go');
        VtcTest::eq(array('pending' => 1, 'sent' => 0, 'failed' => 0), $storage->countByStatus());
    });
}

/* ---------------------------------------------------------------------- event factory */

VtcTest::section('Event factory: hook → contract event');

VtcTest::test('every event hook maps to its contract type and integer ids', function () {
    $factory = new VtcEventFactory('req1', new VtcFakeClock(1764410400));
    foreach (vtcHookFixtures() as $fixture) {
        $event = $factory->fromHook($fixture[0], $fixture[1]);
        VtcTest::ok($event !== null, $fixture[0] . ' gave no event');
        VtcTest::eq($fixture[2], $event['type'], $fixture[0]);
        VtcTest::eq(VtcEventFactory::$hookEvents[$fixture[0]], $event['type'], $fixture[0] . ' vs $hookEvents');
        $decoded = json_decode($event['body'], true);
        VtcTest::eq(array('id', 'type', 'occurredAt', 'data'), array_keys($decoded), 'body keys');
        VtcTest::eq($fixture[3], $decoded['data'], $fixture[0] . ' data');
        VtcTest::eq($event['uid'], $decoded['id']);
        VtcTest::ok((bool) preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $decoded['id']), 'uuid v4');
        VtcTest::eq('2025-11-29T10:00:00Z', $decoded['occurredAt']);
    }
    VtcTest::eq(count(VtcEventFactory::$hookEvents), count(vtcHookFixtures()), 'a fixture per event hook');
});

VtcTest::test('guest checkout customers give no customer.created', function () {
    $factory = new VtcEventFactory('req1');
    VtcTest::eq(null, $factory->fromHook('actionCustomerAccountAdd', array('newCustomer' => (object) array('id' => 5, 'is_guest' => '1'))));
    VtcTest::eq(null, $factory->fromHook('actionObjectCustomerAddAfter', array('object' => (object) array('id' => 5, 'is_guest' => true))));
    $event = $factory->fromHook('actionObjectCustomerAddAfter', array('object' => (object) array('id' => 5, 'is_guest' => '0')));
    VtcTest::eq('customer.created', $event['type']);
});

VtcTest::test('ids are unique', function () {
    $factory = new VtcEventFactory('req1');
    $ids = array();
    for ($i = 1; $i <= 500; ++$i) {
        $event = $factory->build('product.created', $i);
        $ids[$event['uid']] = true;
    }
    VtcTest::eq(500, count($ids));
});

VtcTest::test('no event without a usable id', function () {
    $factory = new VtcEventFactory('req1');
    VtcTest::eq(null, $factory->fromHook('actionValidateOrder', array()));
    VtcTest::eq(null, $factory->fromHook('actionValidateOrder', array('order' => (object) array('id' => 0))));
    VtcTest::eq(null, $factory->fromHook('actionObjectProductAddAfter', array('object' => (object) array('id' => null))));
    VtcTest::eq(null, $factory->fromHook('actionObjectProductAddAfter', array('object' => (object) array('id' => 'abc'))));
    VtcTest::eq(null, $factory->fromHook('actionOrderStatusPostUpdate', array('id_order' => 5)), 'no state');
    VtcTest::eq(null, $factory->fromHook('actionAuthentication', array()), '1.5: no customer param (the module falls back to the context)');
    VtcTest::eq(null, $factory->fromHook('actionSomethingElse', array('object' => (object) array('id' => 1))));
    VtcTest::eq(null, $factory->build('order.refunded', 1));
});

VtcTest::test('dedupe keys: one event per change, even when several hooks report it', function () {
    $factory = new VtcEventFactory('reqA');
    $key = function ($hook, $params) use ($factory) {
        $event = $factory->fromHook($hook, $params);

        return $event['dedupe_key'];
    };
    VtcTest::eq(
        $key('actionCustomerAccountAdd', array('newCustomer' => (object) array('id' => 3))),
        $key('actionObjectCustomerAddAfter', array('object' => (object) array('id' => 3)))
    );
    VtcTest::eq(
        $key('actionValidateOrder', array('order' => (object) array('id' => 10))),
        $key('actionObjectOrderAddAfter', array('object' => (object) array('id' => 10)))
    );
    VtcTest::eq(
        $key('actionProductAdd', array('id_product' => 4, 'product' => (object) array('id' => 4))),
        $key('actionObjectProductAddAfter', array('object' => (object) array('id' => 4)))
    );
    // 8.1.2 "delete product from order": OrderDetailDeleteAfter twice, then actionOrderEdited.
    $deleted = $key('actionObjectOrderDetailDeleteAfter', array('object' => (object) array('id' => 2, 'id_order' => 1)));
    VtcTest::eq($deleted, $key('actionObjectOrderDetailDeleteAfter', array('object' => (object) array('id' => 2, 'id_order' => 1))));
    VtcTest::eq($deleted, $key('actionOrderEdited', array('order' => (object) array('id' => 1))));
    // A state change: actionOrderStatusPostUpdate, then the OrderHistory row.
    $a = $key('actionOrderStatusPostUpdate', array('id_order' => 6, 'newOrderStatus' => (object) array('id' => 2)));
    VtcTest::eq($a, $key('actionObjectOrderHistoryAddAfter', array('object' => (object) array('id_order' => 6, 'id_order_state' => 2))));
    // A → B → A in one request is three changes.
    $b = $key('actionOrderStatusPostUpdate', array('id_order' => 6, 'newOrderStatus' => (object) array('id' => 3)));
    $a2 = $key('actionOrderStatusPostUpdate', array('id_order' => 6, 'newOrderStatus' => (object) array('id' => 2)));
    VtcTest::ok($a !== $b && $b !== $a2 && $a !== $a2, 'A, B, A distinct');

    $next = new VtcEventFactory('reqB');
    $nextKey = function ($hook, $params) use ($next) {
        $event = $next->fromHook($hook, $params);

        return $event['dedupe_key'];
    };
    VtcTest::ok($deleted !== $nextKey('actionOrderEdited', array('order' => (object) array('id' => 1))), 'a later edit is a new event');
    VtcTest::ok($a !== $nextKey('actionOrderStatusPostUpdate', array('id_order' => 6, 'newOrderStatus' => (object) array('id' => 2))), 'a later change to the same state is a new event');
    VtcTest::eq(
        $key('actionValidateOrder', array('order' => (object) array('id' => 10))),
        $nextKey('actionValidateOrder', array('order' => (object) array('id' => 10))),
        'created is once, ever'
    );
});

/* ---------------------------------------------------------------------- module */

VtcTest::section('Module class (with PrestaShop stand-ins)');

VtcTest::test('install: table, defaults, every hook; each hook has its method', function () {
    Configuration::$values = array();
    Db::getInstance()->queries = array();
    $module = new TestableVtigercrmconnector(new VtcArrayStorage(), new VtcFakeTransport());
    VtcTest::ok($module->install(), 'install');
    VtcTest::contains('CREATE TABLE IF NOT EXISTS `ps_vtigercrmconnector_outbox`', Db::getInstance()->queries[0]);
    VtcTest::eq(array_keys(Vtigercrmconnector::$hookList), $module->registeredHooks);
    foreach (array_keys(Vtigercrmconnector::$hookList) as $hook) {
        VtcTest::ok(method_exists($module, 'hook' . ucfirst($hook)), "hook$hook missing");
    }
    foreach (array_keys(VtcEventFactory::$hookEvents) as $hook) {
        VtcTest::ok(isset(Vtigercrmconnector::$hookList[$hook]), "$hook not registered");
    }
    VtcTest::eq('request', Configuration::getGlobalValue('VTCRMC_MODE'));
    VtcTest::eq(32, strlen(Configuration::getGlobalValue('VTCRMC_CRON_TOKEN')));
    VtcTest::eq('', Configuration::getGlobalValue('VTCRMC_URL'));
    VtcTest::eq('vtigercrmconnector', $module->name);
    VtcTest::eq(array('min' => '1.6.0.9', 'max' => '9.99.99'), $module->ps_versions_compliancy);
});

VtcTest::test('install survives a version without an optional hook, and stops cleanly on a required one', function () {
    Configuration::$values = array();
    $module = new TestableVtigercrmconnector(new VtcArrayStorage(), new VtcFakeTransport());
    $module->refuseHooks = array('actionOrderEdited');
    VtcTest::ok($module->install(), 'optional hook refused');
    VtcTest::ok(!in_array('actionOrderEdited', $module->registeredHooks, true));

    $module = new TestableVtigercrmconnector(new VtcArrayStorage(), new VtcFakeTransport());
    $module->refuseHooks = array('actionValidateOrder');
    VtcTest::ok(!$module->install(), 'required hook refused');
    VtcTest::ok(!$module->installed, 'rolled back');
    VtcTest::contains('actionValidateOrder', implode(' ', $module->_errors));
    VtcTest::eq(array(), Configuration::$values, 'no configuration left');
});

VtcTest::test('uninstall drops the table and every configuration key', function () {
    Configuration::$values = array();
    $module = new TestableVtigercrmconnector(new VtcArrayStorage(), new VtcFakeTransport());
    $module->install();
    Db::getInstance()->queries = array();
    VtcTest::ok($module->uninstall());
    VtcTest::eq(array('DROP TABLE IF EXISTS `ps_vtigercrmconnector_outbox`'), Db::getInstance()->queries);
    VtcTest::eq(array(), Configuration::$values);
});

VtcTest::test('hooks record nothing until URL and secret are set', function () {
    Configuration::$values = array();
    $storage = new VtcArrayStorage();
    $module = new TestableVtigercrmconnector($storage, new VtcFakeTransport());
    $module->hookActionValidateOrder(array('order' => (object) array('id' => 5)));
    VtcTest::eq(0, count($storage->rows));
    VtcTest::eq(0, count($module->shutdowns));
});

VtcTest::test('hooks only insert; one flush after the response sends everything, signed', function () use ($secret) {
    vtcConfigure('https://connector.example/api/webhooks/prestashop', $secret);
    $storage = new VtcArrayStorage();
    $transport = new VtcFakeTransport();
    $module = new TestableVtigercrmconnector($storage, $transport);
    foreach (vtcHookFixtures() as $fixture) {
        $module->{'hook' . ucfirst($fixture[0])}($fixture[1]);
    }
    VtcTest::eq(count(vtcHookFixtures()), count($storage->rows));
    VtcTest::eq(0, count($transport->requests), 'no network inside hooks');
    VtcTest::eq(1, count($module->shutdowns), 'one flush registered');
    $module->runShutdowns();
    VtcTest::eq(count(vtcHookFixtures()), count($transport->requests));
    foreach ($transport->requests as $request) {
        VtcTest::eq('https://connector.example/api/webhooks/prestashop', $request['url']);
        VtcTest::ok(in_array('Content-Type: application/json', $request['headers'], true));
        VtcTest::ok(VtcSigner::verify($request['signature'], $request['body'], $secret, time()));
    }
    VtcTest::eq(array('pending' => 0, 'sent' => 12, 'failed' => 0), $storage->countByStatus());
    VtcTest::eq('0', Configuration::getGlobalValue('VTCRMC_DUE_AT'), 'nothing due');
});

VtcTest::test('the live 8.1.2 sequences give one event each', function () {
    vtcConfigure('https://c.example/h', 's3cr3t');
    $storage = new VtcArrayStorage();
    $module = new TestableVtigercrmconnector($storage, new VtcFakeTransport());
    // Registration: actionObjectCustomerAddAfter then actionCustomerAccountAdd.
    $customer = (object) array('id' => 3);
    $module->hookActionObjectCustomerAddAfter(array('object' => $customer));
    $module->hookActionCustomerAccountAdd(array('newCustomer' => $customer));
    // POST /api/orders: ObjectOrderAddAfter, ValidateOrder, StatusPostUpdate, OrderHistoryAddAfter.
    $order = (object) array('id' => 6);
    $module->hookActionObjectOrderAddAfter(array('object' => $order));
    $module->hookActionValidateOrder(array('order' => $order, 'orderStatus' => (object) array('id' => 8)));
    $module->hookActionOrderStatusPostUpdate(array('newOrderStatus' => (object) array('id' => 8), 'oldOrderStatus' => new stdClass(), 'id_order' => 6));
    $module->hookActionObjectOrderHistoryAddAfter(array('object' => (object) array('id' => 8, 'id_order' => 6, 'id_order_state' => 8)));
    // Delete product from order: detail delete twice, then actionOrderEdited.
    $detail = (object) array('id' => 2, 'id_order' => 6);
    $module->hookActionObjectOrderDetailDeleteAfter(array('object' => $detail));
    $module->hookActionObjectOrderDetailDeleteAfter(array('object' => $detail));
    $module->hookActionOrderEdited(array('order' => $order));
    // POST /api/products: ObjectProductAddAfter (no actionProductAdd on 8.1+).
    $module->hookActionObjectProductAddAfter(array('object' => (object) array('id' => 20)));
    $types = array();
    foreach ($storage->rows as $row) {
        $types[] = $row['event_type'];
    }
    VtcTest::eq(array('customer.created', 'order.created', 'order.status_changed', 'order.updated', 'product.created'), $types);
});

VtcTest::test('actionAuthentication without parameters (1.5) uses the context customer', function () {
    vtcConfigure('https://c.example/h', 's3cr3t');
    $storage = new VtcArrayStorage();
    $module = new TestableVtigercrmconnector($storage, new VtcFakeTransport());
    $module->context->customer = (object) array('id' => 77);
    $module->hookActionAuthentication(array());
    $row = current($storage->rows);
    VtcTest::eq('{"customerId":77}', json_encode(json_decode($row['body'])->data));
    $module->context->customer = null;
});

VtcTest::test('a failing database or connector never escapes a hook or the shutdown flush', function () {
    vtcConfigure('https://c.example/h', 's3cr3t');
    PrestaShopLogger::$logs = array();
    $module = new TestableVtigercrmconnector(new VtcExplodingStorage(), new VtcFakeTransport());
    $module->hookActionValidateOrder(array('order' => (object) array('id' => 5)));
    $module->flushAtShutdown();
    $module->hookDisplayBackOfficeHeader(array());
    VtcTest::ok(count(PrestaShopLogger::$logs) >= 1, 'logged');
    VtcTest::contains('vtigercrmconnector: Could not record actionValidateOrder', PrestaShopLogger::$logs[0]);

    $storage = new VtcArrayStorage();
    $module = new TestableVtigercrmconnector($storage, new VtcFakeTransport(array('throw')));
    $module->hookActionValidateOrder(array('order' => (object) array('id' => 5)));
    $module->runShutdowns();
    $row = current($storage->rows);
    VtcTest::eq('pending', $row['status']);
    VtcTest::contains('transport exploded', $row['last_error']);
});

VtcTest::test('next-request trigger: due → one flush at shutdown; not due, cron mode or unconfigured → none', function () {
    vtcConfigure('https://c.example/h', 's3cr3t');
    $module = new TestableVtigercrmconnector(new VtcArrayStorage(), new VtcFakeTransport());
    Configuration::updateGlobalValue('VTCRMC_DUE_AT', time() + 100);
    $module->hookActionDispatcher(array());
    VtcTest::eq(0, count($module->shutdowns), 'not due yet');
    Configuration::updateGlobalValue('VTCRMC_DUE_AT', time() - 1);
    $module->hookActionDispatcher(array());
    VtcTest::eq('', $module->hookDisplayBackOfficeHeader(array()));
    VtcTest::eq(1, count($module->shutdowns), 'once per request');
    $module->runShutdowns();
    VtcTest::eq('0', Configuration::getGlobalValue('VTCRMC_DUE_AT'), 'empty outbox: nothing due');

    vtcConfigure('https://c.example/h', 's3cr3t', 'cron');
    $storage = new VtcArrayStorage();
    $module = new TestableVtigercrmconnector($storage, new VtcFakeTransport());
    Configuration::updateGlobalValue('VTCRMC_DUE_AT', time() - 1);
    $module->hookActionDispatcher(array());
    $module->hookActionValidateOrder(array('order' => (object) array('id' => 5)));
    VtcTest::eq(0, count($module->shutdowns), 'cron mode');
    VtcTest::eq(1, count($storage->rows), 'but still recorded');
});

VtcTest::test('cron: token checked in constant time; runCron sends and reports', function () {
    vtcConfigure('https://c.example/h', 's3cr3t', 'cron');
    $storage = new VtcArrayStorage();
    $transport = new VtcFakeTransport();
    $module = new TestableVtigercrmconnector($storage, $transport);
    VtcTest::ok($module->isValidCronToken('cron-token-123'));
    VtcTest::ok(!$module->isValidCronToken('cron-token-124'));
    VtcTest::ok(!$module->isValidCronToken(''));
    $module->hookActionValidateOrder(array('order' => (object) array('id' => 5)));
    $module->hookActionObjectProductAddAfter(array('object' => (object) array('id' => 6)));
    $result = $module->runCron();
    VtcTest::eq(2, $result['sent']);
    VtcTest::eq(0, $result['pending']);
    VtcTest::ok((int) Configuration::getGlobalValue('VTCRMC_LAST_CRON') > 0);
    VtcTest::contains('module/vtigercrmconnector/cron?token=cron-token-123', $module->getCronUrl());
    Configuration::updateGlobalValue('VTCRMC_CRON_TOKEN', '');
    VtcTest::ok(!$module->isValidCronToken(''), 'an empty token never matches');
});

VtcTest::test('configuration page: save (secret kept masked), refuse a bad URL, test, retry', function () {
    Configuration::$values = array();
    $storage = new VtcArrayStorage();
    $transport = new VtcFakeTransport(array(400, 401));
    $module = new TestableVtigercrmconnector($storage, $transport);
    $module->install();

    Tools::$request = array('submitVtcConfig' => 1, 'VTCRMC_URL' => 'ftp://nope', 'VTCRMC_SECRET_NEW' => 'x', 'VTCRMC_MODE' => 'request');
    $html = $module->getContent();
    VtcTest::contains('alert-danger', $html);
    VtcTest::eq('', Configuration::getGlobalValue('VTCRMC_URL'));

    Tools::$request = array('submitVtcConfig' => 1, 'VTCRMC_URL' => ' https://connector.example/api/webhooks/prestashop ', 'VTCRMC_SECRET_NEW' => 'whsec_abcdefghijklmnopqrstuvwxyz<>&', 'VTCRMC_MODE' => 'cron');
    $html = $module->getContent();
    VtcTest::contains('Settings saved.', $html);
    VtcTest::eq('https://connector.example/api/webhooks/prestashop', Configuration::getGlobalValue('VTCRMC_URL'));
    VtcTest::eq('whsec_abcdefghijklmnopqrstuvwxyz<>&', base64_decode(Configuration::getGlobalValue('VTCRMC_SECRET')), 'stored exactly');
    VtcTest::eq('cron', Configuration::getGlobalValue('VTCRMC_MODE'));
    $form = HelperForm::$last['forms'][0]['form'];
    VtcTest::contains('whsec_••••••&lt;&gt;&amp;', $form['input'][1]['desc'], 'masked and escaped');
    VtcTest::ok(strpos($form['input'][1]['desc'], 'abcdefghijklmnopqrstuvwxyz') === false, 'never shown');
    VtcTest::eq('', HelperForm::$last['helper']->tpl_vars['fields_value']['VTCRMC_SECRET_NEW']);

    Tools::$request = array('submitVtcConfig' => 1, 'VTCRMC_URL' => 'https://connector.example/api/webhooks/prestashop', 'VTCRMC_SECRET_NEW' => '', 'VTCRMC_MODE' => 'request');
    $module->getContent();
    VtcTest::eq('whsec_abcdefghijklmnopqrstuvwxyz<>&', base64_decode(Configuration::getGlobalValue('VTCRMC_SECRET')), 'empty field keeps the secret');

    Tools::$request = array('submitVtcTest' => 1);
    $html = $module->getContent();
    VtcTest::contains('It works', $html);
    $vars = Context::getContext()->smarty->vars;
    VtcTest::eq(400, $vars['vtc_test']['status']);
    VtcTest::contains('Malformed event', $vars['vtc_test']['body']);
    $sent = json_decode($transport->requests[0]['body'], true);
    VtcTest::eq('connector.ping', $sent['type']);
    VtcTest::ok(VtcSigner::verify($transport->requests[0]['signature'], $transport->requests[0]['body'], 'whsec_abcdefghijklmnopqrstuvwxyz<>&', time()));

    $html = $module->getContent();
    VtcTest::contains('refused the signature', $html);

    $storage->insert(array('event_uid' => 'u', 'event_type' => 'order.created', 'entity_key' => 'order:1', 'dedupe_key' => 'k', 'body' => '{}', 'created_at' => time(), 'next_attempt_at' => time()));
    $storage->markFailed(1, 3, 500, 'HTTP 500', time());
    Tools::$request = array('submitVtcRetry' => 1);
    $html = $module->getContent();
    VtcTest::contains('1 failed event(s) requeued. Sent now: 1', $html);
    Tools::$request = array();
    $html = $module->getContent();
    VtcTest::contains('helperform', $html);
    VtcTest::contains('views/templates/admin/status.tpl', end(Context::getContext()->smarty->fetched));
});

VtcTest::test('payloads emitted for the TypeScript contract test', function () use ($testsDir, $payloadSecret) {
    $payloads = vtcEmitPayloads($payloadSecret);
    VtcTest::eq(count(VtcEventFactory::$hookEvents), count($payloads));
    foreach ($payloads as $payload) {
        VtcTest::ok(VtcSigner::verify($payload['signature'], $payload['body'], $payloadSecret, time()), $payload['hook']);
        $decoded = json_decode($payload['body'], true);
        VtcTest::eq($payload['type'], $decoded['type'], $payload['hook']);
        VtcTest::eq($payload['data'], $decoded['data'], $payload['hook']);
    }
    vtcWritePayloads($testsDir, $payloadSecret, $payloads);
    VtcTest::ok(is_file($testsDir . '/out/payloads.json'));
});

Tools::$request = array();
exit(VtcTest::summary());
