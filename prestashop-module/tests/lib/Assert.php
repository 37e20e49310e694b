<?php
/**
 * A tiny test helper (no Composer, no PHPUnit): VtcTest::test('name', function () { ... }).
 */
class VtcAssertionFailed extends Exception
{
}

class VtcTest
{
    public static $passed = 0;
    public static $failed = array();
    public static $quiet = false;

    public static function test($name, $callback)
    {
        try {
            call_user_func($callback);
            ++self::$passed;
            if (!self::$quiet) {
                fwrite(STDERR, "  ok    $name\n");
            }
        } catch (Exception $e) {
            self::fail($name, $e);
        } catch (Throwable $e) {
            self::fail($name, $e);
        }
    }

    private static function fail($name, $e)
    {
        $where = $e instanceof VtcAssertionFailed ? self::callerOf($e) : $e->getFile() . ':' . $e->getLine();
        self::$failed[] = $name;
        fwrite(STDERR, "  FAIL  $name\n        " . get_class($e) . ': ' . $e->getMessage() . "\n        at $where\n");
    }

    private static function callerOf(Exception $e)
    {
        foreach ($e->getTrace() as $frame) {
            if (isset($frame['file']) && basename($frame['file']) !== 'Assert.php') {
                return $frame['file'] . ':' . $frame['line'];
            }
        }

        return $e->getFile() . ':' . $e->getLine();
    }

    public static function section($title)
    {
        if (!self::$quiet) {
            fwrite(STDERR, "\n$title\n");
        }
    }

    public static function ok($condition, $message = 'expected true')
    {
        if (!$condition) {
            throw new VtcAssertionFailed($message);
        }
    }

    public static function eq($expected, $actual, $message = '')
    {
        if ($expected !== $actual) {
            throw new VtcAssertionFailed(($message !== '' ? $message . ': ' : '') . 'expected ' . self::show($expected) . ', got ' . self::show($actual));
        }
    }

    public static function contains($needle, $haystack, $message = '')
    {
        if (strpos((string) $haystack, (string) $needle) === false) {
            throw new VtcAssertionFailed(($message !== '' ? $message . ': ' : '') . self::show($needle) . ' not found in ' . self::show($haystack));
        }
    }

    public static function show($value)
    {
        $text = json_encode($value);

        return $text === false ? var_export($value, true) : (strlen($text) > 300 ? substr($text, 0, 300) . '…' : $text);
    }

    /**
     * @return int process exit code
     */
    public static function summary()
    {
        $failed = count(self::$failed);
        fwrite(STDERR, "\n" . self::$passed . ' passed, ' . $failed . " failed\n");

        return $failed === 0 ? 0 : 1;
    }
}
