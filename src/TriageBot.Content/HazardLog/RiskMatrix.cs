namespace TriageBot.Content.HazardLog;

/// <summary>
/// The DCB0129 clinical risk matrix (NHS Digital implementation guidance; the same 5x5 table as the NHS England UK
/// Core hazard log): severity (consequence) by likelihood gives a rating from 1 (acceptable, no further action) to
/// 5 (unacceptable). The hazard log writes all three so a reviewer reads the rating directly; the validator checks it
/// against this table.
/// </summary>
public static class RiskMatrix
{
    /// <summary>Least to most severe.</summary>
    public static readonly IReadOnlyList<string> Severities = ["Minor", "Significant", "Considerable", "Major", "Catastrophic"];

    /// <summary>Least to most likely.</summary>
    public static readonly IReadOnlyList<string> Likelihoods = ["Very low", "Low", "Medium", "High", "Very high"];

    // Rows: likelihood (Very low .. Very high); columns: severity (Minor .. Catastrophic).
    private static readonly int[][] Ratings =
    [
        [1, 1, 2, 2, 3],
        [1, 2, 2, 3, 4],
        [2, 2, 3, 3, 4],
        [2, 3, 3, 4, 5],
        [3, 4, 4, 5, 5],
    ];

    /// <summary>The rating for a severity and likelihood as the log writes them (case-insensitive); null when either is unknown.</summary>
    public static int? Rating(string? severity, string? likelihood)
    {
        var s = IndexOf(Severities, severity);
        var l = IndexOf(Likelihoods, likelihood);
        return s < 0 || l < 0 ? null : Ratings[l][s];
    }

    internal static int IndexOf(IReadOnlyList<string> scale, string? value)
    {
        for (var i = 0; i < scale.Count; i++)
        {
            if (string.Equals(scale[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
