using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Cli.Commands;

/// <summary>Loads the configuration and the rule packs the way every verb does, turning their errors into exit code 2.</summary>
internal static class ToolSetup
{
    public static ComplianceConfig LoadConfig(string? explicitPath)
    {
        if (explicitPath != null)
        {
            if (!File.Exists(explicitPath))
            {
                throw new UsageException($"{explicitPath}: config file not found");
            }

            return Wrap(() => ConfigLoader.Load(explicitPath));
        }

        string? found = ConfigLoader.FindUpward(Directory.GetCurrentDirectory());
        return found == null ? ComplianceConfig.Empty : Wrap(() => ConfigLoader.Load(found));
    }

    public static RuleSet LoadRules(IEnumerable<string> extraDirectories, ComplianceConfig config, bool includeBuiltIn = true)
    {
        try
        {
            return RuleSet.Load(extraDirectories.Concat(config.RuleDirectories).Distinct(), includeBuiltIn);
        }
        catch (RuleLoadException ex)
        {
            throw new UsageException("invalid rule pack:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Errors.Select(e => "  " + e)));
        }
    }

    public static RuleEngine LoadEngine(IEnumerable<string> extraDirectories, ComplianceConfig config, bool includeBuiltIn = true) =>
        new(LoadRules(extraDirectories, config, includeBuiltIn));

    private static ComplianceConfig Wrap(Func<ComplianceConfig> load)
    {
        try
        {
            return load();
        }
        catch (ConfigException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
