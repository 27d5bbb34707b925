namespace ComplianceCheck.Core.Engine;

/// <summary>
/// Full stops that close an abbreviation, not a sentence: "No." before a number (Singapore's No. 1 wealth manager) and
/// initials (J.D. Power, U.S., e.g.). A ranking and its source, or a claim and its subject, then stay one sentence for the
/// rules and the model. The price is the rare sentence that ends in "no." or in initials right before the next one
/// ("We said no. 5 people left."), read on as one.
/// </summary>
public static class Abbreviation
{
    /// <summary>Whether the full stop at <paramref name="dot"/> closes an abbreviation that the sentence goes on after.</summary>
    public static bool EndsAt(ReadOnlySpan<char> text, int dot) => IsNumberSign(text, dot) || IsInitials(text, dot);

    private static bool IsNumberSign(ReadOnlySpan<char> text, int dot)
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

    // A single letter after another letter's full stop: the second stop of J.D., U.S., e.g.
    private static bool IsInitials(ReadOnlySpan<char> text, int dot) =>
        dot >= 3 && char.IsAsciiLetter(text[dot - 1]) && text[dot - 2] == '.' && char.IsAsciiLetter(text[dot - 3])
        && (dot == 3 || !char.IsLetterOrDigit(text[dot - 4]));
}
