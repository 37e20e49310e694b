<?php
/**
 * vtiger CRM Connector: the shop side.
 *
 * Records customer, order and product events in an outbox table while the shop works, and posts them,
 * signed, to the connector's webhook (POST <connector>/api/webhooks/prestashop) after the response,
 * on a later request, or from a cron URL. The shop's pages never wait on the connector and never fail
 * because of it.
 *
 * PrestaShop 1.6.0.9 to 9.x, PHP 5.6 to 8.x.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once dirname(__FILE__) . '/classes/VtcRandom.php';
require_once dirname(__FILE__) . '/classes/VtcSigner.php';
require_once dirname(__FILE__) . '/classes/VtcTransport.php';
require_once dirname(__FILE__) . '/classes/VtcHttpTransport.php';
require_once dirname(__FILE__) . '/classes/VtcSender.php';
require_once dirname(__FILE__) . '/classes/VtcStorage.php';
require_once dirname(__FILE__) . '/classes/VtcDbStorage.php';
require_once dirname(__FILE__) . '/classes/VtcEventFactory.php';
require_once dirname(__FILE__) . '/classes/VtcOutbox.php';

class Vtigercrmconnector extends Module
{
    const CONF_URL = 'VTCRMC_URL';
    const CONF_SECRET = 'VTCRMC_SECRET';
    const CONF_MODE = 'VTCRMC_MODE';
    const CONF_CRON_TOKEN = 'VTCRMC_CRON_TOKEN';
    const CONF_DUE_AT = 'VTCRMC_DUE_AT';
    const CONF_LAST_CRON = 'VTCRMC_LAST_CRON';

    /** Send after each response (default) or only from the cron URL. */
    const MODE_REQUEST = 'request';
    const MODE_CRON = 'cron';

    const CONNECT_TIMEOUT = 2;
    const TIMEOUT = 3;

    /**
     * Every hook the module registers, on every version; true = install fails if it cannot be
     * registered. Since 1.5.3 registerHook() creates a hook row it doesn't know, so a hook a version
     * never fires is registered harmlessly; the false ones are only tolerated if registration fails.
     * Event hooks map to types in VtcEventFactory::$hookEvents; the last two only trigger sending.
     *
     * @var array
     */
    public static $hookList = array(
        'actionCustomerAccountAdd' => true,            // front registration, 1.5+ (guests too in 1.7+)
        'actionObjectCustomerAddAfter' => true,        // any Customer add: back office, webservice, import
        'actionAuthentication' => true,                // front login (params.customer from 1.6)
        'actionValidateOrder' => true,                 // PaymentModule::validateOrder, once per order
        'actionObjectOrderAddAfter' => true,           // any Order add (also orders not made by validateOrder)
        'actionOrderStatusPostUpdate' => true,         // OrderHistory::changeIdOrderState, after the change
        'actionObjectOrderHistoryAddAfter' => true,    // the history row itself
        'actionOrderEdited' => false,                  // lines added/edited/removed in the back office, 1.6.1+
        'actionObjectOrderDetailDeleteAfter' => true,  // a line deleted, every version
        'actionProductCancel' => true,                 // cancel/refund/return quantities
        'actionProductAdd' => true,                    // legacy product page (1.6–8.0, 8.1 v1 page), duplicate (9)
        'actionObjectProductAddAfter' => true,         // any Product add: v2 page (8.1+, 9), webservice, import
        'actionDispatcher' => true,                    // every front/legacy request: send what is due
        'displayBackOfficeHeader' => true,             // every back-office page, Symfony ones too
    );

    /** @var bool a flush is already registered for the end of this request */
    protected static $flushScheduled = false;

    /** @var bool the cron controller is flushing: no extra flush at shutdown */
    protected static $inCron = false;

    /** @var VtcOutbox|null */
    protected $outbox;

    /** @var VtcEventFactory|null */
    protected $eventFactory;

    public function __construct()
    {
        $this->name = 'vtigercrmconnector';
        $this->tab = 'migration_tools';
        $this->version = '2.0.0';
        $this->author = 'vtiger CRM Connector';
        $this->need_instance = 0;
        $this->ps_versions_compliancy = array('min' => '1.6.0.9', 'max' => '9.99.99');
        $this->bootstrap = true;

        parent::__construct();

        $this->displayName = $this->l('vtiger CRM Connector');
        $this->description = $this->l('Sends customer, order and product events, signed, to the PrestaShop → vtiger CRM connector, through a retrying outbox.');
        $this->confirmUninstall = $this->l('Uninstalling deletes the events not sent yet and the connector settings. Continue?');
    }

    /* ------------------------------------------------------------------ install / uninstall */

    public function install()
    {
        if (!parent::install()) {
            return false;
        }
        if (!VtcDbStorage::createTable()) {
            $this->_errors[] = $this->l('Could not create the outbox table.');
            parent::uninstall();

            return false;
        }
        Configuration::updateGlobalValue(self::CONF_URL, '');
        Configuration::updateGlobalValue(self::CONF_SECRET, '');
        Configuration::updateGlobalValue(self::CONF_MODE, self::MODE_REQUEST);
        Configuration::updateGlobalValue(self::CONF_CRON_TOKEN, VtcRandom::hex(16));
        Configuration::updateGlobalValue(self::CONF_DUE_AT, 0);
        Configuration::updateGlobalValue(self::CONF_LAST_CRON, 0);

        foreach (self::$hookList as $hook => $required) {
            $registered = false;
            try {
                $registered = (bool) $this->registerHook($hook);
            } catch (Exception $e) {
                $registered = false;
            } catch (Throwable $e) {
                $registered = false;
            }
            if (!$registered && $required) {
                $this->_errors[] = sprintf($this->l('Could not register the hook %s.'), $hook);
                $this->uninstall();

                return false;
            }
        }

        return true;
    }

    public function uninstall()
    {
        $ok = parent::uninstall();
        $ok = VtcDbStorage::dropTable() && $ok;
        foreach (self::configurationKeys() as $key) {
            $ok = Configuration::deleteByName($key) && $ok;
        }

        return $ok;
    }

    /**
     * @return string[]
     */
    public static function configurationKeys()
    {
        return array(self::CONF_URL, self::CONF_SECRET, self::CONF_MODE, self::CONF_CRON_TOKEN, self::CONF_DUE_AT, self::CONF_LAST_CRON);
    }

    /* ------------------------------------------------------------------ event hooks */

    public function hookActionCustomerAccountAdd($params)
    {
        $this->record('actionCustomerAccountAdd', $params);
    }

    public function hookActionObjectCustomerAddAfter($params)
    {
        $this->record('actionObjectCustomerAddAfter', $params);
    }

    public function hookActionAuthentication($params)
    {
        if (!is_array($params)) {
            $params = array();
        }
        // 1.5 passes no parameters: the customer is the one just put in the context.
        if (empty($params['customer']) && isset($this->context->customer) && is_object($this->context->customer)) {
            $params['customer'] = $this->context->customer;
        }
        $this->record('actionAuthentication', $params);
    }

    public function hookActionValidateOrder($params)
    {
        $this->record('actionValidateOrder', $params);
    }

    public function hookActionObjectOrderAddAfter($params)
    {
        $this->record('actionObjectOrderAddAfter', $params);
    }

    public function hookActionOrderStatusPostUpdate($params)
    {
        $this->record('actionOrderStatusPostUpdate', $params);
    }

    public function hookActionObjectOrderHistoryAddAfter($params)
    {
        $this->record('actionObjectOrderHistoryAddAfter', $params);
    }

    public function hookActionOrderEdited($params)
    {
        $this->record('actionOrderEdited', $params);
    }

    public function hookActionObjectOrderDetailDeleteAfter($params)
    {
        $this->record('actionObjectOrderDetailDeleteAfter', $params);
    }

    public function hookActionProductCancel($params)
    {
        $this->record('actionProductCancel', $params);
    }

    public function hookActionProductAdd($params)
    {
        $this->record('actionProductAdd', $params);
    }

    public function hookActionObjectProductAddAfter($params)
    {
        $this->record('actionObjectProductAddAfter', $params);
    }

    /* ------------------------------------------------------------------ sending triggers */

    public function hookActionDispatcher($params)
    {
        $this->flushIfDue();
    }

    public function hookDisplayBackOfficeHeader($params)
    {
        $this->flushIfDue();

        return '';
    }

    /**
     * One INSERT into the outbox; never throws, never sends.
     *
     * @param string $hook
     * @param mixed $params
     *
     * @return bool true if a new event was recorded
     */
    protected function record($hook, $params)
    {
        try {
            if (!$this->isConfigured()) {
                return false;
            }
            $event = $this->getEventFactory()->fromHook($hook, is_array($params) ? $params : array());
            if ($event === null) {
                return false;
            }
            $event['id_shop'] = $this->currentShopId();
            if (!$this->getOutbox()->enqueue($event)) {
                return false;
            }
            // For other requests (this one flushes at its end): due once the settle delay is over.
            $due = (int) Configuration::getGlobalValue(self::CONF_DUE_AT);
            $settled = time() + VtcOutbox::SETTLE_SECONDS;
            if ($due <= 0 || $due > $settled) {
                Configuration::updateGlobalValue(self::CONF_DUE_AT, $settled);
            }
            $this->scheduleFlush();

            return true;
        } catch (Exception $e) {
            $this->logError('Could not record ' . $hook . ': ' . $e->getMessage());
        } catch (Throwable $e) {
            $this->logError('Could not record ' . $hook . ': ' . $e->getMessage());
        }

        return false;
    }

    /**
     * Cheap check done on each request: one configuration value already in memory.
     */
    protected function flushIfDue()
    {
        try {
            if (self::$inCron || $this->deliveryMode() !== self::MODE_REQUEST || !$this->isConfigured()) {
                return;
            }
            $due = (int) Configuration::getGlobalValue(self::CONF_DUE_AT);
            if ($due > 0 && $due <= time()) {
                $this->scheduleFlush();
            }
        } catch (Exception $e) {
            $this->logError('flushIfDue: ' . $e->getMessage());
        } catch (Throwable $e) {
            $this->logError('flushIfDue: ' . $e->getMessage());
        }
    }

    protected function scheduleFlush()
    {
        if (self::$flushScheduled || self::$inCron || $this->deliveryMode() !== self::MODE_REQUEST) {
            return;
        }
        self::$flushScheduled = true;
        $this->registerShutdown(array($this, 'flushAtShutdown'));
    }

    /**
     * @param callable $callback
     */
    protected function registerShutdown($callback)
    {
        register_shutdown_function($callback);
    }

    /**
     * Runs after the page: the response is handed to the client first when PHP-FPM or LiteSpeed
     * allows it; otherwise the output is flushed and only a couple of quick attempts are made.
     */
    public function flushAtShutdown()
    {
        try {
            $detached = $this->detachFromClient();
            $outbox = $this->getOutbox();
            // Tell concurrent requests not to pile on while this one works.
            Configuration::updateGlobalValue(self::CONF_DUE_AT, time() + VtcOutbox::LOCK_SECONDS);
            $stats = $outbox->flush($detached ? 20 : 2, $detached ? 20 : 4);
            Configuration::updateGlobalValue(self::CONF_DUE_AT, $outbox->nextFlushAt($stats['pausedUntil']));
            if (mt_rand(1, 100) === 1) {
                $outbox->purge();
            }
        } catch (Exception $e) {
            $this->logError('Sending events: ' . $e->getMessage());
        } catch (Throwable $e) {
            $this->logError('Sending events: ' . $e->getMessage());
        }
    }

    /**
     * @return bool true if the client no longer waits for this request
     */
    protected function detachFromClient()
    {
        @ignore_user_abort(true);
        if (PHP_SAPI === 'cli') {
            return true;
        }
        if (function_exists('fastcgi_finish_request')) {
            return (bool) @fastcgi_finish_request();
        }
        if (function_exists('litespeed_finish_request')) {
            return (bool) @litespeed_finish_request();
        }
        while (ob_get_level() > 0) {
            if (!@ob_end_flush()) {
                break;
            }
        }
        @flush();

        return false;
    }

    /* ------------------------------------------------------------------ cron */

    /**
     * @param string $token
     *
     * @return bool
     */
    public function isValidCronToken($token)
    {
        $expected = (string) Configuration::getGlobalValue(self::CONF_CRON_TOKEN);

        return $expected !== '' && is_string($token) && hash_equals($expected, $token);
    }

    /**
     * Called by controllers/front/cron.php: sends everything due, within a minute.
     *
     * @return array
     */
    public function runCron()
    {
        self::$inCron = true;
        @ignore_user_abort(true);
        if (function_exists('set_time_limit')) {
            @set_time_limit(120);
        }
        $outbox = $this->getOutbox();
        $stats = $outbox->flush(500, 50);
        $purged = $outbox->purge();
        Configuration::updateGlobalValue(self::CONF_DUE_AT, $outbox->nextFlushAt($stats['pausedUntil']));
        Configuration::updateGlobalValue(self::CONF_LAST_CRON, time());
        $counts = $outbox->storage()->countByStatus();

        return array(
            'ok' => true,
            'configured' => $this->isConfigured(),
            'sent' => $stats['sent'],
            'retried' => $stats['retried'],
            'failed' => $stats['failed'],
            'more' => $stats['more'],
            'purged' => $purged,
            'pending' => $counts[VtcStorage::STATUS_PENDING],
            'failedTotal' => $counts[VtcStorage::STATUS_FAILED],
        );
    }

    /**
     * @return string
     */
    public function getCronUrl()
    {
        return $this->context->link->getModuleLink(
            $this->name,
            'cron',
            array('token' => (string) Configuration::getGlobalValue(self::CONF_CRON_TOKEN)),
            true
        );
    }

    /* ------------------------------------------------------------------ configuration page */

    public function getContent()
    {
        $output = '';
        $test = null;
        try {
            if (Tools::isSubmit('submitVtcConfig')) {
                $output .= $this->processConfiguration();
            } elseif (Tools::isSubmit('submitVtcTest')) {
                $test = $this->getSender()->ping();
                $output .= $this->describeTest($test);
            } elseif (Tools::isSubmit('submitVtcRetry')) {
                $output .= $this->processRetry();
            }
        } catch (Exception $e) {
            $output .= $this->displayError($e->getMessage());
        } catch (Throwable $e) {
            $output .= $this->displayError($e->getMessage());
        }

        return $output . $this->renderForm() . $this->renderStatus($test);
    }

    protected function processConfiguration()
    {
        $errors = array();
        $url = trim((string) Tools::getValue(self::CONF_URL));
        if ($url !== '' && (!preg_match('#^https?://#i', $url) || filter_var($url, FILTER_VALIDATE_URL) === false)) {
            $errors[] = $this->l('The webhook URL must be an absolute http:// or https:// URL.');
        }
        $secret = trim((string) Tools::getValue('VTCRMC_SECRET_NEW'));
        $mode = (string) Tools::getValue(self::CONF_MODE);
        if (!in_array($mode, array(self::MODE_REQUEST, self::MODE_CRON), true)) {
            $mode = self::MODE_REQUEST;
        }
        if ($errors) {
            return $this->displayError(implode('<br>', $errors));
        }
        Configuration::updateGlobalValue(self::CONF_URL, $url);
        if ($secret !== '') {
            // Stored base64-encoded: Configuration strips tags from plain values.
            Configuration::updateGlobalValue(self::CONF_SECRET, base64_encode($secret));
        }
        Configuration::updateGlobalValue(self::CONF_MODE, $mode);
        $this->outbox = null;
        // New URL or secret: whatever was backing off gets a fresh chance now.
        $this->getOutbox()->storage()->rescheduleAll(time());
        Configuration::updateGlobalValue(self::CONF_DUE_AT, $this->getOutbox()->nextFlushAt());

        $message = $this->l('Settings saved.');
        if ($url !== '' && stripos($url, 'http://') === 0 && !preg_match('#^http://(localhost|127\.0\.0\.1|\[::1\])(:|/|$)#i', $url)) {
            return $this->displayConfirmation($message) . $this->displayError($this->l('The URL uses http://: events would travel unencrypted. Use https:// in production.'));
        }
        if (!$this->isConfigured()) {
            return $this->displayConfirmation($message) . $this->displayError($this->l('Nothing is recorded until both the webhook URL and the secret are set.'));
        }

        return $this->displayConfirmation($message);
    }

    protected function processRetry()
    {
        $outbox = $this->getOutbox();
        $requeued = $outbox->retryNow();
        $stats = $outbox->flush(50, 20);
        Configuration::updateGlobalValue(self::CONF_DUE_AT, $outbox->nextFlushAt($stats['pausedUntil']));
        $message = sprintf(
            $this->l('%1$d failed event(s) requeued. Sent now: %2$d; failed for good: %3$d.'),
            $requeued,
            $stats['sent'],
            $stats['failed']
        );
        if ($stats['stopped']) {
            return $this->displayError($message . ' ' . $this->l('Sending stopped on an error, see the last error in the list below.'));
        }

        return $this->displayConfirmation($message . ($stats['more'] ? ' ' . $this->l('More remain: they go out with the next requests or the cron.') : ''));
    }

    /**
     * @param array $test VtcSender::ping() result
     *
     * @return string
     */
    protected function describeTest(array $test)
    {
        $status = (int) $test['status'];
        switch ($test['verdict']) {
            case 'ok':
                return $this->displayConfirmation(sprintf($this->l('HTTP %d: the connector accepted the signed request. URL and secret are right.'), $status));
            case 'signature_ok':
                return $this->displayConfirmation($this->l('It works: the connector checked the signature and the clock, then refused the test body on purpose (HTTP 400, "connector.ping" is not an event type, nothing was stored).'));
            case 'bad_secret':
                return $this->displayError($this->l('HTTP 401: the connector refused the signature. Copy the webhook secret again from the connector\'s Connection tab.'));
            case 'clock':
                return $this->displayError($this->l('HTTP 401: the signature is right but this server\'s clock is more than 5 minutes away from the connector\'s. Fix the server time (NTP).'));
            case 'not_found':
                return $this->displayError(sprintf($this->l('HTTP %d: nothing receives webhooks at this URL. Copy the webhook URL again from the connector\'s Connection tab.'), $status));
            case 'redirect':
                return $this->displayError(sprintf($this->l('HTTP %d: the URL redirects (http to https, a missing path…). Enter the final URL.'), $status));
            case 'server_error':
                return $this->displayError(sprintf($this->l('HTTP %d: the connector failed. Events will be retried; check the connector\'s logs.'), $status));
            case 'network':
                return $this->displayError($this->getSender()->isConfigured()
                    ? $this->l('No answer from the connector (address, firewall or certificate): see the error below.')
                    : $this->l('Set the webhook URL and the secret first.'));
        }

        return $this->displayError(sprintf($this->l('Unexpected answer: HTTP %d.'), $status));
    }

    protected function renderForm()
    {
        $secret = $this->getSecret();
        $masked = $secret === '' ? $this->l('none') : htmlspecialchars(self::maskSecret($secret), ENT_QUOTES, 'UTF-8');
        $fields = array(
            'form' => array(
                'legend' => array('title' => $this->l('Connector'), 'icon' => 'icon-cogs'),
                'input' => array(
                    array(
                        'type' => 'text',
                        'label' => $this->l('Webhook URL'),
                        'name' => self::CONF_URL,
                        'placeholder' => 'https://connector.example.com/api/webhooks/prestashop',
                        'desc' => $this->l('From the connector\'s Connection tab. Events go to this address as signed POST requests.'),
                    ),
                    array(
                        'type' => 'password',
                        'label' => $this->l('Webhook secret'),
                        'name' => 'VTCRMC_SECRET_NEW',
                        'desc' => sprintf($this->l('From the connector\'s Connection tab. Current: %s. Leave empty to keep it.'), $masked),
                    ),
                    array(
                        'type' => 'select',
                        'label' => $this->l('Sending'),
                        'name' => self::CONF_MODE,
                        'options' => array(
                            'query' => array(
                                array('id' => self::MODE_REQUEST, 'name' => $this->l('Right after each page (and the cron URL, if set up)')),
                                array('id' => self::MODE_CRON, 'name' => $this->l('Only from the cron URL')),
                            ),
                            'id' => 'id',
                            'name' => 'name',
                        ),
                        'desc' => $this->l('Events are always stored first; this only chooses when they are posted.'),
                    ),
                ),
                'submit' => array('title' => $this->l('Save'), 'name' => 'submitVtcConfig'),
            ),
        );

        $helper = new HelperForm();
        $helper->module = $this;
        $helper->name_controller = $this->name;
        $helper->identifier = $this->identifier;
        $helper->token = Tools::getAdminTokenLite('AdminModules');
        $helper->currentIndex = AdminController::$currentIndex . '&configure=' . $this->name;
        $helper->default_form_language = (int) Configuration::get('PS_LANG_DEFAULT');
        $helper->allow_employee_form_lang = (int) Configuration::get('PS_BO_ALLOW_EMPLOYEE_FORM_LANG');
        $helper->title = $this->displayName;
        $helper->show_toolbar = false;
        $helper->submit_action = 'submitVtcConfig';
        $helper->tpl_vars = array(
            'fields_value' => array(
                self::CONF_URL => (string) Configuration::getGlobalValue(self::CONF_URL),
                'VTCRMC_SECRET_NEW' => '',
                self::CONF_MODE => $this->deliveryMode(),
            ),
            'languages' => $this->context->controller->getLanguages(),
            'id_language' => $this->context->language->id,
        );

        return $helper->generateForm(array($fields));
    }

    protected function renderStatus($test)
    {
        $storage = $this->getOutbox()->storage();
        $rows = array();
        foreach ($storage->listRecent(array(VtcStorage::STATUS_PENDING, VtcStorage::STATUS_FAILED), 20) as $row) {
            $rows[] = array(
                'id' => (int) $row['id'],
                'type' => (string) $row['event_type'],
                'entity' => (string) $row['entity_key'],
                'status' => (string) $row['status'],
                'attempts' => (int) $row['attempts'],
                'http' => (int) $row['last_http_status'],
                'error' => (string) $row['last_error'],
                'created' => self::formatTime($row['created_at']),
                'next' => $row['status'] === VtcStorage::STATUS_PENDING ? self::formatTime($row['next_attempt_at']) : '',
            );
        }
        $lastCron = (int) Configuration::getGlobalValue(self::CONF_LAST_CRON);
        $this->context->smarty->assign(array(
            'vtc_action' => AdminController::$currentIndex . '&configure=' . $this->name . '&token=' . Tools::getAdminTokenLite('AdminModules'),
            'vtc_counts' => $storage->countByStatus(),
            'vtc_rows' => $rows,
            'vtc_configured' => $this->isConfigured(),
            'vtc_mode_cron' => $this->deliveryMode() === self::MODE_CRON,
            'vtc_cron_url' => $this->getCronUrl(),
            'vtc_last_cron' => $lastCron > 0 ? self::formatTime($lastCron) : '',
            'vtc_test' => $test,
        ));

        return $this->context->smarty->fetch($this->local_path . 'views/templates/admin/status.tpl');
    }

    /* ------------------------------------------------------------------ helpers */

    /**
     * @return bool
     */
    public function isConfigured()
    {
        return trim((string) Configuration::getGlobalValue(self::CONF_URL)) !== '' && $this->getSecret() !== '';
    }

    /**
     * @return string
     */
    protected function getSecret()
    {
        $stored = (string) Configuration::getGlobalValue(self::CONF_SECRET);
        $decoded = $stored === '' ? '' : base64_decode($stored, true);

        return $decoded === false ? '' : $decoded;
    }

    /**
     * @return string request|cron
     */
    protected function deliveryMode()
    {
        return Configuration::getGlobalValue(self::CONF_MODE) === self::MODE_CRON ? self::MODE_CRON : self::MODE_REQUEST;
    }

    /**
     * @param string $secret
     *
     * @return string e.g. "whsec_••••••Xy9" (only the start and end of a long ASCII secret)
     */
    public static function maskSecret($secret)
    {
        $secret = (string) $secret;
        if (strlen($secret) < 12 || !preg_match('/^[\x21-\x7E]+$/', $secret)) {
            return '••••••••';
        }

        return substr($secret, 0, 6) . '••••••' . substr($secret, -3);
    }

    protected static function formatTime($timestamp)
    {
        $timestamp = (int) $timestamp;

        return $timestamp > 0 ? date('Y-m-d H:i:s', $timestamp) : '';
    }

    /**
     * @return VtcOutbox
     */
    protected function getOutbox()
    {
        if ($this->outbox === null) {
            $this->outbox = new VtcOutbox($this->createStorage(), $this->getSender());
        }

        return $this->outbox;
    }

    /**
     * @return VtcSender
     */
    protected function getSender()
    {
        return new VtcSender(
            $this->createTransport(),
            (string) Configuration::getGlobalValue(self::CONF_URL),
            $this->getSecret(),
            null,
            'vtigercrmconnector/' . $this->version . ' PrestaShop/' . _PS_VERSION_
        );
    }

    /**
     * @return VtcStorage
     */
    protected function createStorage()
    {
        return new VtcDbStorage();
    }

    /**
     * @return VtcTransport
     */
    protected function createTransport()
    {
        return new VtcHttpTransport(self::CONNECT_TIMEOUT, self::TIMEOUT);
    }

    /**
     * @return VtcEventFactory
     */
    protected function getEventFactory()
    {
        if ($this->eventFactory === null) {
            $this->eventFactory = new VtcEventFactory();
        }

        return $this->eventFactory;
    }

    protected function currentShopId()
    {
        return isset($this->context->shop) && is_object($this->context->shop) ? (int) $this->context->shop->id : 0;
    }

    protected function logError($message)
    {
        try {
            if (class_exists('PrestaShopLogger')) {
                PrestaShopLogger::addLog('vtigercrmconnector: ' . VtcOutbox::cleanError($message), 3, null, null, null, true);
            }
        } catch (Exception $e) {
            // Logging must not break the shop either.
        } catch (Throwable $e) {
            // idem
        }
    }
}
