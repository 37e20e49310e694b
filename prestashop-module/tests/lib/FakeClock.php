<?php
/**
 * A clock the tests move by hand; callable like the module's clocks (returns unix seconds).
 */
class VtcFakeClock
{
    public $now;

    public function __construct($now)
    {
        $this->now = (int) $now;
    }

    public function __invoke()
    {
        return $this->now;
    }

    public function advance($seconds)
    {
        $this->now += (int) $seconds;
    }
}
