<?php
/**
 * vtiger CRM Connector: the cron URL.
 *
 * index.php?fc=module&module=vtigercrmconnector&controller=cron&token=<token shown on the
 * configuration page>. Sends every due event (within about a minute), purges old sent rows and
 * answers JSON. A wrong or missing token gets 403 and does nothing.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtigercrmconnectorCronModuleFrontController extends ModuleFrontController
{
    /** @var bool no customer session needed */
    public $auth = false;

    /** @var bool keeps 1.7+ from looking for a theme template */
    public $ajax = true;

    /** @var bool the cron URL is generated with https when the shop has SSL: 1.6 must not redirect it */
    public $ssl = true;

    public function initContent()
    {
        $status = 200;
        /** @var Vtigercrmconnector $module */
        $module = $this->module;
        if (!$module->isValidCronToken((string) Tools::getValue('token'))) {
            $status = 403;
            $answer = array('ok' => false, 'error' => 'Invalid token.');
        } else {
            try {
                $answer = $module->runCron();
            } catch (Exception $e) {
                $status = 500;
                $answer = array('ok' => false, 'error' => $e->getMessage());
            } catch (Throwable $e) {
                $status = 500;
                $answer = array('ok' => false, 'error' => $e->getMessage());
            }
        }
        if (!headers_sent()) {
            http_response_code($status);
            header('Content-Type: application/json; charset=utf-8');
            header('Cache-Control: no-store');
            header('X-Robots-Tag: noindex');
        }
        echo json_encode($answer);
        exit;
    }
}
