<?php
/**
 * vtiger CRM Connector for PrestaShop: the outbox table, through PrestaShop's Db class.
 *
 * Every query uses only what Db offers from 1.6 to 9 (execute, executeS, getValue, Affected_Rows,
 * escape) and bypasses Db's query cache, which would otherwise serve stale rows within a request.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcDbStorage implements VtcStorage
{
    const TABLE = 'vtigercrmconnector_outbox';

    /** @var Db|object */
    private $db;

    /** @var string */
    private $table;

    /**
     * @param Db|object|null $db defaults to Db::getInstance()
     * @param string|null $prefix defaults to _DB_PREFIX_
     */
    public function __construct($db = null, $prefix = null)
    {
        $this->db = $db !== null ? $db : Db::getInstance();
        $this->table = ($prefix !== null ? $prefix : _DB_PREFIX_) . self::TABLE;
    }

    /**
     * @param string $prefix
     * @param string $engine
     *
     * @return string
     */
    public static function createTableSql($prefix, $engine)
    {
        return 'CREATE TABLE IF NOT EXISTS `' . $prefix . self::TABLE . '` (
            `id_event` INT(10) UNSIGNED NOT NULL AUTO_INCREMENT,
            `event_uid` VARCHAR(64) NOT NULL,
            `event_type` VARCHAR(32) NOT NULL,
            `entity_key` VARCHAR(64) NOT NULL,
            `dedupe_key` VARCHAR(190) NOT NULL,
            `body` TEXT NOT NULL,
            `status` VARCHAR(16) NOT NULL DEFAULT \'pending\',
            `attempts` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            `next_attempt_at` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            `locked_until` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            `last_http_status` SMALLINT(5) UNSIGNED NOT NULL DEFAULT 0,
            `last_error` VARCHAR(255) NULL DEFAULT NULL,
            `last_attempt_at` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            `id_shop` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            `created_at` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            `sent_at` INT(10) UNSIGNED NOT NULL DEFAULT 0,
            PRIMARY KEY (`id_event`),
            UNIQUE KEY `dedupe_key` (`dedupe_key`),
            KEY `status_id` (`status`, `id_event`),
            KEY `status_next` (`status`, `next_attempt_at`)
        ) ENGINE=' . $engine . ' DEFAULT CHARSET=utf8';
    }

    /**
     * @return bool
     */
    public static function createTable()
    {
        return (bool) Db::getInstance()->execute(self::createTableSql(_DB_PREFIX_, defined('_MYSQL_ENGINE_') ? _MYSQL_ENGINE_ : 'InnoDB'));
    }

    /**
     * @return bool
     */
    public static function dropTable()
    {
        return (bool) Db::getInstance()->execute('DROP TABLE IF EXISTS `' . _DB_PREFIX_ . self::TABLE . '`');
    }

    public function insert(array $row)
    {
        $sql = 'INSERT IGNORE INTO `' . $this->table . '` (`event_uid`, `event_type`, `entity_key`, `dedupe_key`, `body`, `status`, `attempts`, `next_attempt_at`, `locked_until`, `last_http_status`, `last_attempt_at`, `id_shop`, `created_at`, `sent_at`) VALUES ('
            . $this->quote($row['event_uid']) . ', '
            . $this->quote($row['event_type']) . ', '
            . $this->quote($row['entity_key']) . ', '
            . $this->quote($row['dedupe_key']) . ', '
            . $this->quote($row['body']) . ', '
            . $this->quote(self::STATUS_PENDING) . ', 0, '
            . (int) $row['next_attempt_at'] . ', 0, 0, 0, '
            . (int) (isset($row['id_shop']) ? $row['id_shop'] : 0) . ', '
            . (int) $row['created_at'] . ', 0)';
        if (!$this->db->execute($sql, false)) {
            return false;
        }

        return (int) $this->db->Affected_Rows() > 0;
    }

    public function fetchPending($limit)
    {
        $rows = $this->db->executeS(
            'SELECT ' . $this->columns() . ' FROM `' . $this->table . '`'
            . ' WHERE `status` = ' . $this->quote(self::STATUS_PENDING)
            . ' ORDER BY `id_event` ASC LIMIT ' . max(1, (int) $limit),
            true,
            false
        );

        return is_array($rows) ? $rows : array();
    }

    public function claim($id, $now, $lockSeconds)
    {
        $ok = $this->db->execute(
            'UPDATE `' . $this->table . '` SET `locked_until` = ' . ((int) $now + (int) $lockSeconds)
            . ' WHERE `id_event` = ' . (int) $id
            . ' AND `status` = ' . $this->quote(self::STATUS_PENDING)
            . ' AND `locked_until` <= ' . (int) $now,
            false
        );

        return $ok && (int) $this->db->Affected_Rows() === 1;
    }

    public function markSent($id, $attempts, $httpStatus, $now)
    {
        return (bool) $this->db->execute(
            'UPDATE `' . $this->table . '` SET `status` = ' . $this->quote(self::STATUS_SENT)
            . ', `attempts` = ' . (int) $attempts
            . ', `last_http_status` = ' . (int) $httpStatus
            . ', `last_error` = NULL'
            . ', `last_attempt_at` = ' . (int) $now
            . ', `sent_at` = ' . (int) $now
            . ', `locked_until` = 0'
            . ' WHERE `id_event` = ' . (int) $id,
            false
        );
    }

    public function markRetry($id, $attempts, $httpStatus, $error, $nextAttemptAt, $now)
    {
        return (bool) $this->db->execute(
            'UPDATE `' . $this->table . '` SET `attempts` = ' . (int) $attempts
            . ', `last_http_status` = ' . (int) $httpStatus
            . ', `last_error` = ' . $this->quote($error)
            . ', `last_attempt_at` = ' . (int) $now
            . ', `next_attempt_at` = ' . (int) $nextAttemptAt
            . ', `locked_until` = 0'
            . ' WHERE `id_event` = ' . (int) $id,
            false
        );
    }

    public function markFailed($id, $attempts, $httpStatus, $error, $now)
    {
        return (bool) $this->db->execute(
            'UPDATE `' . $this->table . '` SET `status` = ' . $this->quote(self::STATUS_FAILED)
            . ', `attempts` = ' . (int) $attempts
            . ', `last_http_status` = ' . (int) $httpStatus
            . ', `last_error` = ' . $this->quote($error)
            . ', `last_attempt_at` = ' . (int) $now
            . ', `locked_until` = 0'
            . ' WHERE `id_event` = ' . (int) $id,
            false
        );
    }

    public function requeueFailed($now)
    {
        $this->db->execute(
            'UPDATE `' . $this->table . '` SET `status` = ' . $this->quote(self::STATUS_PENDING)
            . ', `attempts` = 0, `locked_until` = 0, `next_attempt_at` = ' . (int) $now
            . ' WHERE `status` = ' . $this->quote(self::STATUS_FAILED),
            false
        );

        return (int) $this->db->Affected_Rows();
    }

    public function rescheduleAll($now)
    {
        $this->db->execute(
            'UPDATE `' . $this->table . '` SET `next_attempt_at` = ' . (int) $now
            . ' WHERE `status` = ' . $this->quote(self::STATUS_PENDING)
            . ' AND `next_attempt_at` > ' . (int) $now,
            false
        );

        return (int) $this->db->Affected_Rows();
    }

    public function countByStatus()
    {
        $counts = array(self::STATUS_PENDING => 0, self::STATUS_SENT => 0, self::STATUS_FAILED => 0);
        $rows = $this->db->executeS('SELECT `status`, COUNT(*) AS `n` FROM `' . $this->table . '` GROUP BY `status`', true, false);
        if (is_array($rows)) {
            foreach ($rows as $row) {
                $counts[$row['status']] = (int) $row['n'];
            }
        }

        return $counts;
    }

    public function listRecent(array $statuses, $limit)
    {
        $quoted = array();
        foreach ($statuses as $status) {
            $quoted[] = $this->quote($status);
        }
        if (!$quoted) {
            return array();
        }
        $rows = $this->db->executeS(
            'SELECT ' . $this->columns() . ' FROM `' . $this->table . '`'
            . ' WHERE `status` IN (' . implode(', ', $quoted) . ')'
            . ' ORDER BY `id_event` DESC LIMIT ' . max(1, (int) $limit),
            true,
            false
        );

        return is_array($rows) ? $rows : array();
    }

    public function purge($sentBefore, $failedBefore)
    {
        $this->db->execute(
            'DELETE FROM `' . $this->table . '` WHERE (`status` = ' . $this->quote(self::STATUS_SENT) . ' AND `sent_at` < ' . (int) $sentBefore . ')'
            . ' OR (`status` = ' . $this->quote(self::STATUS_FAILED) . ' AND `created_at` < ' . (int) $failedBefore . ')',
            false
        );

        return (int) $this->db->Affected_Rows();
    }

    private function columns()
    {
        return '`id_event` AS `id`, `event_uid`, `event_type`, `entity_key`, `dedupe_key`, `body`, `status`, `attempts`, `next_attempt_at`, `locked_until`, `last_http_status`, `last_error`, `last_attempt_at`, `id_shop`, `created_at`, `sent_at`';
    }

    private function quote($value)
    {
        return '\'' . $this->db->escape((string) $value, true) . '\'';
    }
}
