<?php
/**
 * In-memory VtcStorage: the same contract as VtcDbStorage, for the outbox tests.
 */
class VtcArrayStorage implements VtcStorage
{
    /** @var array id => row */
    public $rows = array();

    private $nextId = 1;

    public function insert(array $row)
    {
        foreach ($this->rows as $existing) {
            if ($existing['dedupe_key'] === $row['dedupe_key']) {
                return false;
            }
        }
        $id = $this->nextId++;
        $this->rows[$id] = array(
            'id' => $id,
            'event_uid' => (string) $row['event_uid'],
            'event_type' => (string) $row['event_type'],
            'entity_key' => (string) $row['entity_key'],
            'dedupe_key' => (string) $row['dedupe_key'],
            'body' => (string) $row['body'],
            'status' => self::STATUS_PENDING,
            'attempts' => 0,
            'next_attempt_at' => (int) $row['next_attempt_at'],
            'locked_until' => 0,
            'last_http_status' => 0,
            'last_error' => null,
            'last_attempt_at' => 0,
            'id_shop' => isset($row['id_shop']) ? (int) $row['id_shop'] : 0,
            'created_at' => (int) $row['created_at'],
            'sent_at' => 0,
        );

        return true;
    }

    public function fetchPending($limit)
    {
        $out = array();
        foreach ($this->rows as $row) {
            if ($row['status'] === self::STATUS_PENDING && count($out) < $limit) {
                $out[] = $row;
            }
        }

        return $out;
    }

    public function claim($id, $now, $lockSeconds)
    {
        if (!isset($this->rows[$id]) || $this->rows[$id]['status'] !== self::STATUS_PENDING || $this->rows[$id]['locked_until'] > $now) {
            return false;
        }
        $this->rows[$id]['locked_until'] = $now + $lockSeconds;

        return true;
    }

    public function markSent($id, $attempts, $httpStatus, $now)
    {
        $this->update($id, array('status' => self::STATUS_SENT, 'attempts' => $attempts, 'last_http_status' => $httpStatus, 'last_error' => null, 'last_attempt_at' => $now, 'sent_at' => $now, 'locked_until' => 0));

        return true;
    }

    public function markRetry($id, $attempts, $httpStatus, $error, $nextAttemptAt, $now)
    {
        $this->update($id, array('attempts' => $attempts, 'last_http_status' => $httpStatus, 'last_error' => $error, 'last_attempt_at' => $now, 'next_attempt_at' => $nextAttemptAt, 'locked_until' => 0));

        return true;
    }

    public function markFailed($id, $attempts, $httpStatus, $error, $now)
    {
        $this->update($id, array('status' => self::STATUS_FAILED, 'attempts' => $attempts, 'last_http_status' => $httpStatus, 'last_error' => $error, 'last_attempt_at' => $now, 'locked_until' => 0));

        return true;
    }

    public function requeueFailed($now)
    {
        $n = 0;
        foreach ($this->rows as $id => $row) {
            if ($row['status'] === self::STATUS_FAILED) {
                $this->update($id, array('status' => self::STATUS_PENDING, 'attempts' => 0, 'locked_until' => 0, 'next_attempt_at' => $now));
                ++$n;
            }
        }

        return $n;
    }

    public function rescheduleAll($now)
    {
        $n = 0;
        foreach ($this->rows as $id => $row) {
            if ($row['status'] === self::STATUS_PENDING && $row['next_attempt_at'] > $now) {
                $this->update($id, array('next_attempt_at' => $now));
                ++$n;
            }
        }

        return $n;
    }

    public function countByStatus()
    {
        $counts = array(self::STATUS_PENDING => 0, self::STATUS_SENT => 0, self::STATUS_FAILED => 0);
        foreach ($this->rows as $row) {
            ++$counts[$row['status']];
        }

        return $counts;
    }

    public function listRecent(array $statuses, $limit)
    {
        $out = array();
        foreach (array_reverse($this->rows) as $row) {
            if (in_array($row['status'], $statuses, true) && count($out) < $limit) {
                $out[] = $row;
            }
        }

        return $out;
    }

    public function purge($sentBefore, $failedBefore)
    {
        $n = 0;
        foreach ($this->rows as $id => $row) {
            if (($row['status'] === self::STATUS_SENT && $row['sent_at'] < $sentBefore)
                || ($row['status'] === self::STATUS_FAILED && $row['created_at'] < $failedBefore)) {
                unset($this->rows[$id]);
                ++$n;
            }
        }

        return $n;
    }

    private function update($id, array $changes)
    {
        foreach ($changes as $key => $value) {
            $this->rows[$id][$key] = $value;
        }
    }
}
