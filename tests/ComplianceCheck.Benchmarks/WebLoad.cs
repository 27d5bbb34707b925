using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ComplianceCheck.Benchmarks.Generation;

namespace ComplianceCheck.Benchmarks;

/// <summary>
/// <c>web-load URL TOKEN [--submit N] [--concurrency C] [--rate R] [--seconds S]</c>: a bounded load run against the
/// review queue on 127.0.0.1 (item 7 of the performance issue). Phase 1 submits N generated ~2 KB drafts
/// (<c>POST /api/items</c>) with C requests in flight and reports drafts per second; phase 2 lists the queue
/// (<c>GET /api/items</c>) at a fixed R requests per second for S seconds (open loop: a slow reply does not slow the
/// arrivals) and reports p50/p99 latency. Each phase stops at its limit; the whole run ends within 60 s.
/// </summary>
public static class WebLoad
{
    public static async Task<int> Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: web-load URL TOKEN [--submit 10000] [--concurrency 4] [--rate 200] [--seconds 15]");
            return 2;
        }

        var baseUri = new Uri(args[0].TrimEnd('/') + "/");
        int submit = int.Parse(Tools.Option(args, "--submit") ?? "10000", CultureInfo.InvariantCulture);
        int concurrency = int.Parse(Tools.Option(args, "--concurrency") ?? "4", CultureInfo.InvariantCulture);
        int rate = int.Parse(Tools.Option(args, "--rate") ?? "200", CultureInfo.InvariantCulture);
        int seconds = int.Parse(Tools.Option(args, "--seconds") ?? "15", CultureInfo.InvariantCulture);
        var submitBudget = TimeSpan.FromSeconds(Math.Max(5, 55 - seconds));

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
            while ((i = Interlocked.Increment(ref next)) < submit && clock.Elapsed < submitBudget)
            {
                var body = new { content = drafts[i % drafts.Length], fileName = $"draft-{i:00000}.md", title = $"稿件 {i}", product = "fund", channel = "wechat-article" };
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync("api/items", body);
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
        Console.WriteLine(FormattableString.Invariant(
            $"POST /api/items: {submitted} drafts (~2 KB) in {submitSeconds:0.0} s = {submitted / submitSeconds:0.0} drafts/s, {failed} failed; latency p50 {Percentile(submitLatencies, 50):0.0} ms, p99 {Percentile(submitLatencies, 99):0.0} ms ({concurrency} in flight)"));

        // Phase 2: the list at a fixed arrival rate.
        var listLatencies = new List<double>();
        int listFailed = 0;
        var tasks = new List<Task>();
        var listClock = Stopwatch.StartNew();
        long total = (long)rate * seconds;
        for (long k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            var wait = due - listClock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            tasks.Add(Task.Run(async () =>
            {
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync("api/items", HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref listFailed);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref listFailed);
                }

                lock (listLatencies)
                {
                    listLatencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
            }));
        }

        await Task.WhenAll(tasks);
        double listSeconds = listClock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"GET /api/items (queue holds the items submitted so far, {submitted} by this run): offered {rate} req/s for {seconds} s, served {listLatencies.Count / listSeconds:0.0} req/s, {listFailed} failed; latency p50 {Percentile(listLatencies, 50):0.0} ms, p99 {Percentile(listLatencies, 99):0.0} ms"));
        return 0;
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
