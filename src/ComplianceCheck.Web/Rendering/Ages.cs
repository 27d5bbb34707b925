using System.Globalization;

namespace ComplianceCheck.Web.Rendering;

/// <summary>Short ages for the queue ("45 min", "3 h", "2 d 4 h") and the overdue test against the SLA.</summary>
public static class Ages
{
    public static string Format(TimeSpan age)
    {
        if (age < TimeSpan.FromHours(1))
        {
            return $"{Math.Max(0, (int)age.TotalMinutes)} min";
        }

        if (age < TimeSpan.FromDays(1))
        {
            return $"{(int)age.TotalHours} h";
        }

        return age.Hours == 0 ? $"{(int)age.TotalDays} d" : $"{(int)age.TotalDays} d {age.Hours} h";
    }

    public static bool IsOverdue(TimeSpan age, double slaHours) => age.TotalHours > slaHours;

    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
