namespace ComplianceCheck.Cli;

/// <summary>The documented exit codes of every verb.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above --fail-on.</summary>
    public const int Ok = 0;

    /// <summary>Findings at or above --fail-on (or failing rule examples, failed verification).</summary>
    public const int Findings = 1;

    /// <summary>Usage, configuration, rule file or I/O error; the message is on stderr.</summary>
    public const int Error = 2;
}

/// <summary>A problem that ends the command with exit code 2 and a one-line message.</summary>
public sealed class UsageException(string message) : Exception(message);
