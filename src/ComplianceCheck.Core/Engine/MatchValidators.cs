using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Engine;

/// <summary>Checks that tell a real identifier from a look-alike number (order numbers, amounts, dates).</summary>
internal static class MatchValidators
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10x98765432";

    public static bool IsValid(MatchValidator validator, string value) => validator switch
    {
        MatchValidator.Luhn => Luhn(Digits(value)),
        MatchValidator.ChineseIdCard => ChineseIdCard(value),
        MatchValidator.ChineseMobile => ChineseMobile(Digits(value)),
        MatchValidator.Email => Email(value),
        _ => true,
    };

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

    public static bool Luhn(string digits)
    {
        if (digits.Length is < 12 or > 19)
        {
            return false;
        }

        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0 && digits.Distinct().Count() > 2;
    }

    /// <summary>18-character resident identity number (GB 11643): region, birth date and ISO 7064 check character.</summary>
    public static bool ChineseIdCard(string value)
    {
        string id = new(value.Where(c => char.IsAsciiDigit(c) || c is 'x' or 'X').ToArray());
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || id[0] == '0')
        {
            return false;
        }

        int year = int.Parse(id.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture);
        int month = int.Parse(id.AsSpan(10, 2), System.Globalization.CultureInfo.InvariantCulture);
        int day = int.Parse(id.AsSpan(12, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * IdWeights[i];
        }

        return char.ToLowerInvariant(id[17]) == IdCheckChars[sum % 11];
    }

    public static bool ChineseMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.Distinct().Count() > 2;

    public static bool Email(string value)
    {
        int at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        string domain = value[(at + 1)..];
        int dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 2 && domain[(dot + 1)..].All(char.IsAsciiLetter);
    }
}
