namespace ComplianceCheck.Cli;

/// <summary>A one-line progress counter on stderr, shown only on a terminal and only for scans of many files.</summary>
internal sealed class ProgressIndicator : IDisposable
{
    private const int MinimumFiles = 200;
    private readonly int _total;
    private readonly bool _enabled;
    private int _done;
    private long _lastDraw;

    public ProgressIndicator(int total)
    {
        _total = total;
        _enabled = total >= MinimumFiles && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
    }

    public void Advance()
    {
        _done++;
        if (!_enabled)
        {
            return;
        }

        long now = Environment.TickCount64;
        if (now - _lastDraw > 100 || _done == _total)
        {
            _lastDraw = now;
            Console.Error.Write($"\rscanning {_done}/{_total} files…");
        }
    }

    public void Dispose()
    {
        if (_enabled)
        {
            Console.Error.Write("\r" + new string(' ', 40) + "\r");
        }
    }
}
