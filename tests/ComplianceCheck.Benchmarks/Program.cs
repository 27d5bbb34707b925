using BenchmarkDotNet.Running;
using ComplianceCheck.Benchmarks;

// Verbs besides BenchmarkDotNet's own switches: generators and helpers the whole-process scripts call.
return args.FirstOrDefault() switch
{
    "gen-repo" => Tools.GenerateRepo(args[1..]),
    "prh" => Tools.WritePrhDictionary(args[1..]),
    "compare-textlint" => Tools.CompareTextlint(args[1..]),
    "dump-findings" => EquivalenceDump.Run(args[1..]),
    "gate-stats" => GateStats.Run(args[1..]),
    "web-load" => WebLoad.Run(args[1..]).GetAwaiter().GetResult(),
    "rule-stats" => Tools.RuleStats(),
    "quick" => QuickRun.Run(args[1..]),
    "phases" => PhaseProfile.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Tools).Assembly).Run(args);
    return 0;
}
