<?php
/**
 * Runs VtcDbStorage's real SQL on SQLite (pdo_sqlite), standing in for PrestaShop's Db.
 * Only two MySQL-isms are translated: "INSERT IGNORE" and the CREATE TABLE options.
 */
class VtcSqliteDb
{
    /** @var PDO */
    public $pdo;

    /** @var string[] */
    public $queries = array();

    private $affected = 0;

    public function __construct()
    {
        $this->pdo = new PDO('sqlite::memory:');
        $this->pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
    }

    public static function available()
    {
        return class_exists('PDO') && in_array('sqlite', PDO::getAvailableDrivers(), true);
    }

    /**
     * @param string $mysql VtcDbStorage::createTableSql()
     */
    public function createFromMysql($mysql)
    {
        $sql = preg_replace('/`(\w+)` INT\(10\) UNSIGNED NOT NULL AUTO_INCREMENT/', '`$1` INTEGER PRIMARY KEY AUTOINCREMENT', $mysql);
        $sql = preg_replace('/\s*PRIMARY KEY \([^)]*\),/', '', $sql);
        $sql = preg_replace('/UNIQUE KEY `\w+` \(/', 'UNIQUE (', $sql);
        $sql = preg_replace('/,\s*KEY `\w+` \([^)]*\)/', '', $sql);
        $sql = preg_replace('/(SMALL)?INT\(\d+\) UNSIGNED/', 'INTEGER', $sql);
        $sql = preg_replace('/\)\s*ENGINE=.*$/s', ')', $sql);
        $this->pdo->exec($sql);
    }

    public function execute($sql, $useCache = true)
    {
        $this->queries[] = $sql;
        $sql = preg_replace('/^INSERT IGNORE INTO/', 'INSERT OR IGNORE INTO', $sql);
        $statement = $this->pdo->prepare($sql);
        $ok = $statement->execute();
        $this->affected = $statement->rowCount();

        return $ok;
    }

    public function executeS($sql, $array = true, $useCache = true)
    {
        $this->queries[] = $sql;

        return $this->pdo->query($sql)->fetchAll(PDO::FETCH_ASSOC);
    }

    public function getValue($sql, $useCache = true)
    {
        $this->queries[] = $sql;
        $value = $this->pdo->query($sql)->fetchColumn();

        return $value === null ? false : $value;
    }

    public function Affected_Rows()
    {
        return $this->affected;
    }

    public function escape($string, $htmlOk = false)
    {
        return str_replace("'", "''", (string) $string);
    }
}
