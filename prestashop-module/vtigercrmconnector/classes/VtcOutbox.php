<?php
/**
 * vtiger CRM Connector for PrestaShop: the outbox.
 *
 * Hooks only call enqueue(): one INSERT, no network. flush() sends due rows later (after the response,
 * on a following request, or from the cron URL):
 *   - oldest id first; per entity (customer:N, order:N, product:N) strictly in id order: a row waits
 *     while an older row of the same entity is still pending (backing off, or being sent by another
 *     request);
 *   - 2xx → sent; 400/413 → failed for good, with the connector's reason; anything else (no answer,
 *     5xx, 401, 404…) → retried with exponential backoff (1 min, 2, 4… capped at 6 h), and the batch
 *     stops there: the connector is probably unreachable, the other rows keep their turn;
 *   - after MAX_ATTEMPTS retryable failures a row is marked failed (the admin can requeue it);
 *   - a new row is due at once for the request that wrote it (its flush runs after the response,
 *     when the order, customer or product is completely saved) but only SETTLE_SECONDS later for any
 *     other process (cron, concurrent requests): actionObjectOrderAddAfter fires before the order's
 *     lines exist, and validateOrder() may still be sending mails.
 * Every row is signed again at each attempt (VtcSender), so waiting never makes it unsendable.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcOutbox
{
    const BASE_DELAY_SECONDS = 60;
    const MAX_DELAY_SECONDS = 21600;
    const MAX_ATTEMPTS = 30;
    const LOCK_SECONDS = 60;
    const FETCH_LIMIT = 500;
    const MAX_ERROR_LENGTH = 250;
    const SETTLE_SECONDS = 30;

    /** @var VtcStorage */
    private $storage;

    /** @var VtcSender|null */
    private $sender;

    /** @var callable|null */
    private $clock;

    /** @var array dedupe keys already inserted (or found present) in this request */
    private $seen = array();

    /** @var array dedupe keys of the rows this instance inserted: due at once for it */
    private $own = array();

    /**
     * @param VtcStorage $storage
     * @param VtcSender|null $sender null: enqueue only
     * @param callable|null $clock returns unix seconds
     */
    public function __construct(VtcStorage $storage, $sender = null, $clock = null)
    {
        $this->storage = $storage;
        $this->sender = $sender;
        $this->clock = $clock;
    }

    /**
     * @return VtcStorage
     */
    public function storage()
    {
        return $this->storage;
    }

    /**
     * @param array $event from VtcEventFactory::build(), plus optional 'id_shop'
     *
     * @return bool true if a new row was written (false: same change already recorded)
     */
    public function enqueue(array $event)
    {
        $key = (string) $event['dedupe_key'];
        if (isset($this->seen[$key])) {
            return false;
        }
        $this->seen[$key] = true;
        $inserted = $this->storage->insert(array(
            'event_uid' => $event['uid'],
            'event_type' => $event['type'],
            'entity_key' => $event['entity_key'],
            'dedupe_key' => $key,
            'body' => $event['body'],
            'id_shop' => isset($event['id_shop']) ? (int) $event['id_shop'] : 0,
            'created_at' => (int) $event['occurred_at'],
            'next_attempt_at' => $this->now() + self::SETTLE_SECONDS,
        ));
        if ($inserted) {
            $this->own[$key] = true;
        }

        return $inserted;
    }

    /**
     * Sends due rows.
     *
     * @param int $maxSends attempts allowed in this call
     * @param int $budgetSeconds no new attempt starts after this many seconds
     *
     * @return array array('sent', 'failed', 'retried', 'skipped', 'attempts' => int,
     *               'stopped' => bool (a retryable failure ended the batch), 'more' => bool (limits reached),
     *               'pausedUntil' => int (when the failed row is due again, 0 if none))
     */
    public function flush($maxSends, $budgetSeconds)
    {
        $stats = array('sent' => 0, 'failed' => 0, 'retried' => 0, 'skipped' => 0, 'attempts' => 0, 'stopped' => false, 'more' => false, 'pausedUntil' => 0);
        if ($this->sender === null || !$this->sender->isConfigured()) {
            return $stats;
        }
        $start = $this->now();
        $blocked = array();
        foreach ($this->storage->fetchPending(self::FETCH_LIMIT) as $row) {
            $entity = (string) $row['entity_key'];
            $now = $this->now();
            if (isset($blocked[$entity])) {
                ++$stats['skipped'];
                continue;
            }
            $due = (int) $row['next_attempt_at'] <= $now
                || ((int) $row['attempts'] === 0 && isset($this->own[(string) $row['dedupe_key']]));
            if (!$due || (int) $row['locked_until'] > $now) {
                // Not due, or being sent elsewhere: younger rows of this entity must wait behind it.
                $blocked[$entity] = true;
                ++$stats['skipped'];
                continue;
            }
            if ($stats['attempts'] >= (int) $maxSends || $now - $start >= (int) $budgetSeconds) {
                $stats['more'] = true;
                break;
            }
            if (!$this->storage->claim($row['id'], $now, self::LOCK_SECONDS)) {
                $blocked[$entity] = true;
                ++$stats['skipped'];
                continue;
            }
            ++$stats['attempts'];
            $attempts = (int) $row['attempts'] + 1;
            try {
                $result = $this->sender->send((string) $row['body']);
            } catch (Exception $e) {
                $result = array('outcome' => VtcSender::OUTCOME_RETRY, 'status' => 0, 'message' => get_class($e) . ': ' . $e->getMessage());
            } catch (Throwable $e) {
                $result = array('outcome' => VtcSender::OUTCOME_RETRY, 'status' => 0, 'message' => get_class($e) . ': ' . $e->getMessage());
            }
            $done = $this->now();
            $message = self::cleanError($result['message']);
            if ($result['outcome'] === VtcSender::OUTCOME_SENT) {
                $this->storage->markSent($row['id'], $attempts, $result['status'], $done);
                ++$stats['sent'];
                continue;
            }
            if ($result['outcome'] === VtcSender::OUTCOME_FAILED) {
                // The connector will never take this body; later rows of the entity may go on.
                $this->storage->markFailed($row['id'], $attempts, $result['status'], $message, $done);
                ++$stats['failed'];
                continue;
            }
            // Retryable: the connector is probably unreachable or misconfigured, so stop the batch here
            // instead of spending the timeout on every row; the others keep their place in line.
            $next = $done + self::backoffDelay($attempts);
            if ($attempts >= self::MAX_ATTEMPTS) {
                $this->storage->markFailed($row['id'], $attempts, $result['status'], self::cleanError('Gave up after ' . $attempts . ' attempts. ' . $message), $done);
                ++$stats['failed'];
            } else {
                $this->storage->markRetry($row['id'], $attempts, $result['status'], $message, $next, $done);
                ++$stats['retried'];
            }
            $stats['pausedUntil'] = $next;
            $stats['stopped'] = true;
            break;
        }

        return $stats;
    }

    /**
     * @param int $attempts failed attempts so far (1 after the first failure)
     *
     * @return int seconds to wait before the next attempt
     */
    public static function backoffDelay($attempts)
    {
        $attempts = max(1, (int) $attempts);
        if ($attempts > 20) {
            return self::MAX_DELAY_SECONDS;
        }

        return (int) min(self::MAX_DELAY_SECONDS, self::BASE_DELAY_SECONDS * pow(2, $attempts - 1));
    }

    /**
     * "Retry now": failed rows back to pending and every pending row due immediately.
     *
     * @return int failed rows requeued
     */
    public function retryNow()
    {
        $now = $this->now();
        $requeued = $this->storage->requeueFailed($now);
        $this->storage->rescheduleAll($now);

        return $requeued;
    }

    /**
     * When a flush can next send something: for each entity, its oldest pending row is the only one
     * that can go, when it is due and not locked; the earliest of those, but not before $pausedUntil
     * (a flush just hit an unreachable connector).
     *
     * @param int $pausedUntil
     *
     * @return int unix seconds, 0 when nothing is pending
     */
    public function nextFlushAt($pausedUntil = 0)
    {
        $next = 0;
        $heads = array();
        foreach ($this->storage->fetchPending(self::FETCH_LIMIT) as $row) {
            $entity = (string) $row['entity_key'];
            if (isset($heads[$entity])) {
                continue;
            }
            $heads[$entity] = true;
            $due = max((int) $row['next_attempt_at'], (int) $row['locked_until']);
            if ($next === 0 || $due < $next) {
                $next = $due;
            }
        }
        if ($next === 0) {
            return 0;
        }

        return max($next, (int) $pausedUntil);
    }

    /**
     * @param int $keepSentDays
     * @param int $keepFailedDays
     *
     * @return int rows deleted
     */
    public function purge($keepSentDays = 30, $keepFailedDays = 90)
    {
        $now = $this->now();

        return $this->storage->purge($now - 86400 * (int) $keepSentDays, $now - 86400 * (int) $keepFailedDays);
    }

    /**
     * ASCII, one line, short: safe for any column charset and for the admin page.
     */
    public static function cleanError($message)
    {
        $message = preg_replace('/[^\x20-\x7E]+/', '?', (string) $message);

        return strlen($message) > self::MAX_ERROR_LENGTH ? substr($message, 0, self::MAX_ERROR_LENGTH - 3) . '...' : $message;
    }

    private function now()
    {
        return $this->clock ? (int) call_user_func($this->clock) : time();
    }
}
