using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ComplianceCheck.Benchmarks.Generation;

namespace ComplianceCheck.Benchmarks;

/// <summary>
/// <c>web-load URL TOKEN [--submit N] [--concurrency C] [--rate R] [--seconds S] [--list PATH]...</c>: a bounded load
/// run against the review queue on 127.0.0.1 (item 7 of the performance issue). Phase 1 submits N generated ~2 KB
/// drafts (<c>POST /api/items</c>) with C requests in flight and reports drafts per second; then, for each
/// <c>--list</c> path (default <c>api/items</c>, the queue's first page), a phase requests it at a fixed R requests
/// per second for S seconds (open loop: a slow reply does not slow the arrivals) and reports p50/p99 latency. Each
/// phase stops at its limit, and every request still open at 58 s is cancelled, so the run ends within 60 s.
/// </summary>
public static class WebLoad
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(58);

    public static async Task<int> Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: web-load URL TOKEN [--submit 10000] [--concurrency 4] [--rate 200] [--seconds 15] [--list api/items]...");
            return 2;
        }

        var baseUri = new Uri(args[0].TrimEnd('/') + "/");
        int submit = int.Parse(Tools.Option(args, "--submit") ?? "10000", CultureInfo.InvariantCulture);
        int concurrency = int.Parse(Tools.Option(args, "--concurrency") ?? "4", CultureInfo.InvariantCulture);
        int rate = int.Parse(Tools.Option(args, "--rate") ?? "200", CultureInfo.InvariantCulture);
        int seconds = int.Parse(Tools.Option(args, "--seconds") ?? "15", CultureInfo.InvariantCulture);
        var lists = args.Select((a, i) => (a, i)).Where(p => p.a == "--list" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
        if (lists.Count == 0)
        {
            lists.Add("api/items");
        }

        var submitBudget = TimeSpan.FromSeconds(Math.Max(5, 55 - (seconds * lists.Count)));
        using var stop = new CancellationTokenSource(Deadline);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(10),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);

        // Phase 1: submissions of ~2 KB drafts.
        var text = new MarketingText(99, ContentRepo.Violations, MatchDensity.Realistic);
        var drafts = Enumerable.Range(0, Math.Min(submit, 2000)).Select(_ => Draft(text)).ToArray();
        var submitLatencies = new List<double>();
        int next = -1, failed = 0;
        var clock = Stopwatch.StartNew();
        async Task Submitter()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < submit && clock.Elapsed < submitBudget && !stop.IsCancellationRequested)
            {
                var body = new { content = drafts[i % drafts.Length], fileName = $"draft-{i:00000}.md", title = $"稿件 {i}", product = "fund", channel = "wechat-article" };
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync("api/items", body, stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }

                lock (submitLatencies)
                {
                    submitLatencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Submitter)));
        double submitSeconds = clock.Elapsed.TotalSeconds;
        int submitted = submitLatencies.Count;
        if (submit > 0)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"POST /api/items: {submitted} drafts (~2 KB) in {submitSeconds:0.0} s = {submitted / submitSeconds:0.0} drafts/s, {failed} failed; latency p50 {Percentile(submitLatencies, 50):0.0} ms, p99 {Percentile(submitLatencies, 99):0.0} ms ({concurrency} in flight)"));
        }

        // Then each list path at a fixed arrival rate.
        foreach (string path in lists)
        {
            var (served, failedLists, latencies, bytes) = await FixedRate(http, path, rate, seconds, stop.Token);
            Console.WriteLine(FormattableString.Invariant(
                $"GET /{path} (queue holds the items submitted so far, {submitted} by this run; {bytes:N0} bytes a reply): offered {rate} req/s for {seconds} s, served {served:0.0} req/s, {failedLists} failed; latency p50 {Percentile(latencies, 50):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms"));
        }

        return 0;
    }

    /// <summary>Requests <paramref name="path"/> <paramref name="rate"/> times a second for <paramref name="seconds"/> s.</summary>
    private static async Task<(double Served, int Failed, List<double> Latencies, long Bytes)> FixedRate(
        HttpClient http, string path, int rate, int seconds, CancellationToken stop)
    {
        var latencies = new List<double>();
        int failed = 0;
        long bytes = 0;
        var tasks = new List<Task>();
        var clock = Stopwatch.StartNew();
        long total = (long)rate * seconds;
        for (long k = 0; k < total && !stop.IsCancellationRequested; k++)
        {
            var wait = TimeSpan.FromSeconds((double)k / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            tasks.Add(Task.Run(async () =>
            {
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }

                    Interlocked.Exchange(ref bytes, response.Content.Headers.ContentLength ?? (await response.Content.ReadAsByteArrayAsync(stop)).Length);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }

                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
            }));
        }

        await Task.WhenAll(tasks);
        return (latencies.Count / clock.Elapsed.TotalSeconds, failed, latencies, Interlocked.Read(ref bytes));
    }

    private static string Draft(MarketingText text)
    {
        var sb = new System.Text.StringBuilder("# ").Append(text.Headline()).Append("\n\n");
        while (System.Text.Encoding.UTF8.GetByteCount(sb.ToString()) < 2000)
        {
            sb.Append(text.Paragraph()).Append("\n\n");
        }

        return sb.ToString();
    }

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
