using System.Collections.Concurrent;
using ComplianceCheck.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceCheck.Web.Auth;

/// <summary>
/// Slows password guessing: after too many failed sign-ins for one user name (or from one client address) within
/// the window, further attempts are refused until the oldest failure leaves the window. Kept in memory: a restart
/// resets it, which costs an attacker a restart per few guesses.
/// </summary>
public sealed class LoginThrottle(IOptions<ReviewSettings> settings, TimeProvider clock)
{
    // A shared office address carries many people; it gets more room than one user name.
    private const int AddressFactor = 4;
    private const int MaxTrackedKeys = 50_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(settings.Value.LoginWindowMinutes);

    /// <summary>How long the caller must wait before trying again, or null when an attempt is allowed now.</summary>
    public TimeSpan? RetryAfter(string userName, string? address)
    {
        var now = clock.GetUtcNow();
        var byName = WaitFor(NameKey(userName), settings.Value.LoginMaxFailures, now);
        var byAddress = address == null ? null : WaitFor(AddressKey(address), settings.Value.LoginMaxFailures * AddressFactor, now);
        return new[] { byName, byAddress }.Max();
    }

    public void Failed(string userName, string? address)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > MaxTrackedKeys)
        {
            Prune(now);
        }

        Record(NameKey(userName), now);
        if (address != null)
        {
            Record(AddressKey(address), now);
        }
    }

    public void Succeeded(string userName) => _failures.TryRemove(NameKey(userName), out _);

    private TimeSpan? WaitFor(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return null;
        }

        lock (times)
        {
            Expire(times, now);
            return times.Count >= limit ? times.Peek() + Window - now : null;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
        }
    }

    private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, times) in _failures)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    private static string NameKey(string userName) => "name:" + userName.Trim().ToUpperInvariant();

    private static string AddressKey(string address) => "addr:" + address;
}
