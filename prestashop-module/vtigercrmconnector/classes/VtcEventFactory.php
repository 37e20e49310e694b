<?php
/**
 * vtiger CRM Connector for PrestaShop: turns a hook call into one contract event (or none).
 *
 * Contract (lib/webhooks/contract.ts in the connector): thin events, ids only.
 *   {"id": "<unique>", "type": "<type>", "occurredAt": "<ISO 8601>", "data": {...}}
 *   customer.created {customerId}, customer.login {customerId}, order.created {orderId},
 *   order.status_changed {orderId, orderStateId}, order.updated {orderId}, product.created {productId}
 *
 * Guest customers (is_guest = 1, guest checkout) give no customer.created: they reach the CRM with
 * their order, as in the original module.
 *
 * Several hooks report the same change (actionCustomerAccountAdd and actionObjectCustomerAddAfter,
 * actionOrderEdited after two actionObjectOrderDetailDeleteAfter…). Each event carries a dedupe key;
 * the outbox keeps one row per key:
 *   - "created" events: type + id, forever (an entity is created once);
 *   - order.updated, customer.login: type + id + this request;
 *   - order.status_changed: order + state + this request + the order's state sequence in this
 *     request, so a repeated report of the same state is one event but A → B → A is three.
 *
 * Pure PHP: reads ids from the hook parameters (ObjectModel instances or plain objects/arrays) and
 * never touches PrestaShop's classes, so the tests run it as is.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class VtcEventFactory
{
    /** @var array hook name => event type */
    public static $hookEvents = array(
        'actionCustomerAccountAdd' => 'customer.created',
        'actionObjectCustomerAddAfter' => 'customer.created',
        'actionAuthentication' => 'customer.login',
        'actionValidateOrder' => 'order.created',
        'actionObjectOrderAddAfter' => 'order.created',
        'actionOrderStatusPostUpdate' => 'order.status_changed',
        'actionObjectOrderHistoryAddAfter' => 'order.status_changed',
        'actionOrderEdited' => 'order.updated',
        'actionObjectOrderDetailDeleteAfter' => 'order.updated',
        'actionProductCancel' => 'order.updated',
        'actionProductAdd' => 'product.created',
        'actionObjectProductAddAfter' => 'product.created',
    );

    /** @var string|null shared by every factory of this PHP request */
    private static $currentRequestId;

    /** @var string */
    private $requestId;

    /** @var callable|null */
    private $clock;

    /** @var array orderId => array(stateId, sequence) for order.status_changed in this request */
    private $orderStates = array();

    /**
     * @param string|null $requestId defaults to one random id per PHP request
     * @param callable|null $clock returns unix seconds
     */
    public function __construct($requestId = null, $clock = null)
    {
        if ($requestId === null) {
            if (self::$currentRequestId === null) {
                self::$currentRequestId = VtcRandom::hex(8);
            }
            $requestId = self::$currentRequestId;
        }
        $this->requestId = (string) $requestId;
        $this->clock = $clock;
    }

    /**
     * @param string $hookName as registered, e.g. "actionValidateOrder"
     * @param array $params the hook's parameters
     *
     * @return array|null the event (see build()), or null when the hook carries no usable id
     */
    public function fromHook($hookName, array $params)
    {
        switch ($hookName) {
            case 'actionCustomerAccountAdd':
                return self::isGuest($params, 'newCustomer') ? null : $this->build('customer.created', self::objectId($params, 'newCustomer', 'id'));
            case 'actionObjectCustomerAddAfter':
                return self::isGuest($params, 'object') ? null : $this->build('customer.created', self::objectId($params, 'object', 'id'));
            case 'actionAuthentication':
                return $this->build('customer.login', self::objectId($params, 'customer', 'id'));
            case 'actionValidateOrder':
                return $this->build('order.created', self::objectId($params, 'order', 'id'));
            case 'actionObjectOrderAddAfter':
                return $this->build('order.created', self::objectId($params, 'object', 'id'));
            case 'actionOrderStatusPostUpdate':
                return $this->build(
                    'order.status_changed',
                    self::intParam($params, 'id_order'),
                    self::objectId($params, 'newOrderStatus', 'id')
                );
            case 'actionObjectOrderHistoryAddAfter':
                return $this->build(
                    'order.status_changed',
                    self::objectId($params, 'object', 'id_order'),
                    self::objectId($params, 'object', 'id_order_state')
                );
            case 'actionOrderEdited':
                return $this->build('order.updated', self::objectId($params, 'order', 'id'));
            case 'actionObjectOrderDetailDeleteAfter':
                return $this->build('order.updated', self::objectId($params, 'object', 'id_order'));
            case 'actionProductCancel':
                $orderId = self::objectId($params, 'order', 'id');

                return $this->build('order.updated', $orderId > 0 ? $orderId : self::intParam($params, 'id_order'));
            case 'actionProductAdd':
                $productId = self::intParam($params, 'id_product');

                return $this->build('product.created', $productId > 0 ? $productId : self::objectId($params, 'product', 'id'));
            case 'actionObjectProductAddAfter':
                return $this->build('product.created', self::objectId($params, 'object', 'id'));
        }

        return null;
    }

    /**
     * @param string $type
     * @param int $entityId
     * @param int $stateId order.status_changed only
     *
     * @return array|null array('uid', 'type', 'entity_key', 'dedupe_key', 'data', 'body', 'occurred_at')
     */
    public function build($type, $entityId, $stateId = 0)
    {
        $entityId = (int) $entityId;
        $stateId = (int) $stateId;
        if ($entityId <= 0) {
            return null;
        }
        switch ($type) {
            case 'customer.created':
                $data = array('customerId' => $entityId);
                $entity = 'customer:' . $entityId;
                $dedupe = $type . ':' . $entityId;
                break;
            case 'customer.login':
                $data = array('customerId' => $entityId);
                $entity = 'customer:' . $entityId;
                $dedupe = $type . ':' . $entityId . ':' . $this->requestId;
                break;
            case 'order.created':
                $data = array('orderId' => $entityId);
                $entity = 'order:' . $entityId;
                $dedupe = $type . ':' . $entityId;
                break;
            case 'order.status_changed':
                if ($stateId <= 0) {
                    return null;
                }
                $data = array('orderId' => $entityId, 'orderStateId' => $stateId);
                $entity = 'order:' . $entityId;
                $dedupe = $type . ':' . $entityId . ':' . $stateId . ':' . $this->requestId . ':' . $this->stateSequence($entityId, $stateId);
                break;
            case 'order.updated':
                $data = array('orderId' => $entityId);
                $entity = 'order:' . $entityId;
                $dedupe = $type . ':' . $entityId . ':' . $this->requestId;
                break;
            case 'product.created':
                $data = array('productId' => $entityId);
                $entity = 'product:' . $entityId;
                $dedupe = $type . ':' . $entityId;
                break;
            default:
                return null;
        }
        $occurredAt = $this->now();
        $uid = VtcRandom::uuid4();
        $body = json_encode(array(
            'id' => $uid,
            'type' => $type,
            'occurredAt' => gmdate('Y-m-d\TH:i:s\Z', $occurredAt),
            'data' => $data,
        ));

        return array(
            'uid' => $uid,
            'type' => $type,
            'entity_key' => $entity,
            'dedupe_key' => $dedupe,
            'data' => $data,
            'body' => $body,
            'occurred_at' => $occurredAt,
        );
    }

    /**
     * @return string
     */
    public function requestId()
    {
        return $this->requestId;
    }

    private function stateSequence($orderId, $stateId)
    {
        if (isset($this->orderStates[$orderId]) && $this->orderStates[$orderId][0] === $stateId) {
            return $this->orderStates[$orderId][1];
        }
        $sequence = isset($this->orderStates[$orderId]) ? $this->orderStates[$orderId][1] + 1 : 1;
        $this->orderStates[$orderId] = array($stateId, $sequence);

        return $sequence;
    }

    /**
     * $params[$key]->$property, or $params[$key][$property], as a positive int (0 when missing).
     */
    private static function objectId(array $params, $key, $property)
    {
        if (!isset($params[$key])) {
            return 0;
        }
        $value = $params[$key];
        if (is_object($value) && isset($value->$property)) {
            return self::toId($value->$property);
        }
        if (is_array($value) && isset($value[$property])) {
            return self::toId($value[$property]);
        }

        return 0;
    }

    /**
     * Guest checkout creates a Customer with is_guest = 1 (and, from 1.7, fires the registration hook):
     * that is not a registration. A guest reaches the CRM with its order (order.created).
     */
    private static function isGuest(array $params, $key)
    {
        if (!isset($params[$key])) {
            return false;
        }
        $customer = $params[$key];
        if (is_object($customer) && isset($customer->is_guest)) {
            return (bool) $customer->is_guest;
        }

        return is_array($customer) && !empty($customer['is_guest']);
    }

    private static function intParam(array $params, $key)
    {
        return isset($params[$key]) ? self::toId($params[$key]) : 0;
    }

    private static function toId($value)
    {
        if (is_int($value) || (is_string($value) && preg_match('/^[0-9]{1,10}$/', $value))) {
            return max(0, (int) $value);
        }

        return 0;
    }

    private function now()
    {
        return $this->clock ? (int) call_user_func($this->clock) : time();
    }
}
