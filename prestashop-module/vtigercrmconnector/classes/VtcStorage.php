<?php
/**
 * vtiger CRM Connector for PrestaShop: where the outbox keeps its rows.
 *
 * VtcDbStorage (PrestaShop's Db, MySQL) in the shop; the tests use an in-memory implementation of
 * the same interface, so VtcOutbox runs unchanged against both.
 *
 * A row is an array with the keys: id, event_uid, event_type, entity_key, dedupe_key, body, status
 * (pending|sent|failed), attempts, next_attempt_at, locked_until, last_http_status, last_error,
 * last_attempt_at, id_shop, created_at, sent_at. Times are unix seconds.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

interface VtcStorage
{
    const STATUS_PENDING = 'pending';
    const STATUS_SENT = 'sent';
    const STATUS_FAILED = 'failed';

    /**
     * @param array $row event_uid, event_type, entity_key, dedupe_key, body, id_shop, created_at, next_attempt_at
     *
     * @return bool false when a row with the same dedupe_key exists (nothing inserted)
     */
    public function insert(array $row);

    /**
     * @param int $limit
     *
     * @return array pending rows, oldest id first
     */
    public function fetchPending($limit);

    /**
     * Takes a pending row for $lockSeconds so that two requests flushing at once don't both send it.
     *
     * @return bool true if this caller got it
     */
    public function claim($id, $now, $lockSeconds);

    public function markSent($id, $attempts, $httpStatus, $now);

    public function markRetry($id, $attempts, $httpStatus, $error, $nextAttemptAt, $now);

    public function markFailed($id, $attempts, $httpStatus, $error, $now);

    /**
     * failed → pending, attempts 0, due now.
     *
     * @return int rows changed
     */
    public function requeueFailed($now);

    /**
     * Makes every pending row due now (after the URL or secret changed, or "retry now").
     *
     * @return int rows changed
     */
    public function rescheduleAll($now);

    /**
     * @return array status => count, every status present
     */
    public function countByStatus();

    /**
     * @param string[] $statuses
     * @param int $limit
     *
     * @return array newest first
     */
    public function listRecent(array $statuses, $limit);

    /**
     * Deletes sent rows sent before $sentBefore and failed rows created before $failedBefore.
     *
     * @return int rows deleted
     */
    public function purge($sentBefore, $failedBefore);
}
