using System.Text.Json;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Cli.Tests;

public class RuntimeSettingsTests
{
    // The settings a large scan's speed depends on (tests/ComplianceCheck.Benchmarks/README.md): lost in a project edit, they
    // would cost 10-30 % on a repository without any test noticing.
    [Fact]
    public void The_tool_starts_counting_calls_after_a_1_ms_quiet_spell_recompiles_at_2000_calls_and_skips_dynamic_pgo()
    {
        string path = Path.ChangeExtension(CliProcess.DllPath, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32().ShouldBe(1);
        properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32().ShouldBe(2000);
        properties.GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean().ShouldBeTrue();
    }
}
