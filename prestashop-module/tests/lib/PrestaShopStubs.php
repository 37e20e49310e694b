<?php
/**
 * Just enough of PrestaShop for the module class to run its install/uninstall, hooks and
 * configuration page outside a shop. Records what the module asked for.
 */
if (!defined('_PS_VERSION_')) {
    define('_PS_VERSION_', '8.1.2');
}
if (!defined('_DB_PREFIX_')) {
    define('_DB_PREFIX_', 'ps_');
}
if (!defined('_MYSQL_ENGINE_')) {
    define('_MYSQL_ENGINE_', 'InnoDB');
}

class Configuration
{
    public static $values = array();
    public static $writes = 0;

    public static function updateGlobalValue($key, $value)
    {
        ++self::$writes;
        self::$values[$key] = (string) $value;

        return true;
    }

    public static function updateValue($key, $value)
    {
        return self::updateGlobalValue($key, $value);
    }

    public static function getGlobalValue($key)
    {
        return isset(self::$values[$key]) ? self::$values[$key] : false;
    }

    public static function get($key)
    {
        return self::getGlobalValue($key);
    }

    public static function deleteByName($key)
    {
        unset(self::$values[$key]);

        return true;
    }
}

class Db
{
    public static $instance;
    public $queries = array();
    public $fail = false;

    public static function getInstance()
    {
        if (self::$instance === null) {
            self::$instance = new self();
        }

        return self::$instance;
    }

    public function execute($sql, $useCache = true)
    {
        if ($this->fail) {
            throw new RuntimeException('MySQL server has gone away');
        }
        $this->queries[] = $sql;

        return true;
    }
}

class Tools
{
    public static $request = array();

    public static function getValue($key, $default = false)
    {
        return isset(self::$request[$key]) ? self::$request[$key] : $default;
    }

    public static function isSubmit($key)
    {
        return isset(self::$request[$key]);
    }

    public static function getAdminTokenLite($controller)
    {
        return 'tok' . md5($controller);
    }
}

class PrestaShopLogger
{
    public static $logs = array();

    public static function addLog($message, $severity = 1)
    {
        self::$logs[] = $message;

        return true;
    }
}

class AdminController
{
    public static $currentIndex = 'index.php?controller=AdminModules';
}

class HelperForm
{
    public $module;
    public $name_controller;
    public $identifier;
    public $token;
    public $currentIndex;
    public $default_form_language;
    public $allow_employee_form_lang;
    public $title;
    public $show_toolbar;
    public $submit_action;
    public $tpl_vars = array();
    public static $last;

    public function generateForm($forms)
    {
        self::$last = array('forms' => $forms, 'helper' => $this);

        return '<form id="helperform"></form>';
    }
}

class StubSmarty
{
    public $vars = array();
    public $fetched = array();

    public function assign($vars)
    {
        $this->vars = array_merge($this->vars, $vars);
    }

    public function fetch($path)
    {
        if (!is_file($path)) {
            throw new RuntimeException('template not found: ' . $path);
        }
        $this->fetched[] = $path;

        return '<div id="status"></div>';
    }
}

class StubLink
{
    public function getModuleLink($module, $controller, array $params = array(), $ssl = null)
    {
        return 'https://shop.example/module/' . $module . '/' . $controller . '?' . http_build_query($params);
    }
}

class StubController
{
    public function getLanguages()
    {
        return array(array('id_lang' => 1, 'iso_code' => 'en'));
    }
}

class Context
{
    public $customer;
    public $shop;
    public $smarty;
    public $link;
    public $controller;
    public $language;
    private static $instance;

    public static function getContext()
    {
        if (self::$instance === null) {
            self::$instance = new self();
            self::$instance->shop = (object) array('id' => 1);
            self::$instance->smarty = new StubSmarty();
            self::$instance->link = new StubLink();
            self::$instance->controller = new StubController();
            self::$instance->language = (object) array('id' => 1);
        }

        return self::$instance;
    }
}

class Module
{
    public $name;
    public $tab;
    public $version;
    public $author;
    public $need_instance;
    public $ps_versions_compliancy;
    public $bootstrap;
    public $displayName;
    public $description;
    public $confirmUninstall;
    public $identifier = 'id_module';
    public $local_path;
    public $context;
    public $_errors = array();

    /** @var array hook names registered, in order */
    public $registeredHooks = array();
    /** @var array hook names whose registration fails (simulates an old version) */
    public $refuseHooks = array();
    public $installed = false;

    public function __construct()
    {
        $this->context = Context::getContext();
        $this->local_path = dirname(dirname(dirname(__FILE__))) . '/vtigercrmconnector/';
    }

    public function install()
    {
        $this->installed = true;

        return true;
    }

    public function uninstall()
    {
        $this->installed = false;
        $this->registeredHooks = array();

        return true;
    }

    public function registerHook($name)
    {
        if (in_array($name, $this->refuseHooks, true)) {
            return false;
        }
        $this->registeredHooks[] = $name;

        return true;
    }

    public function l($text)
    {
        return $text;
    }

    public function displayConfirmation($text)
    {
        return '<div class="alert alert-success">' . $text . '</div>';
    }

    public function displayError($text)
    {
        return '<div class="alert alert-danger">' . $text . '</div>';
    }
}

class ModuleFrontController
{
    public $module;
}
