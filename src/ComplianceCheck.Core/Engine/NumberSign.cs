namespace ComplianceCheck.Core.Engine;

/// <summary>
/// The abbreviation "No." before a number (Singapore's No. 1 wealth manager, Fund No. 3): its full stop ends no sentence,
/// so a ranking and its subject stay one sentence for the rules and the model.
/// </summary>
public static class NumberSign
{
    /// <summary>Whether the full stop at <paramref name="dot"/> closes a "No." that a number follows.</summary>
    public static bool IsAt(ReadOnlySpan<char> text, int dot)
    {
        if (dot < 2 || text[dot - 1] is not ('o' or 'O') || text[dot - 2] is not ('n' or 'N') || (dot >= 3 && char.IsLetter(text[dot - 3])))
        {
            return false;
        }

        int next = dot + 1;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        return next < text.Length && char.IsAsciiDigit(text[next]);
    }
}
