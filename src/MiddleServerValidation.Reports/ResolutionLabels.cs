using System.Globalization;
using MiddleServerValidation.Persistence.Findings;

namespace MiddleServerValidation.Reports;

/// <summary>The ways a finding is closed, as the report names them.</summary>
internal static class ResolutionLabels
{
    public static readonly IReadOnlyList<(string Status, string Label)> Columns =
    [
        (FindingStatuses.Corrected, "保険者が訂正"),
        (FindingStatuses.Withdrawn, "保険者が削除"),
        (FindingStatuses.Answered, "保険者が疑いなしと回答"),
        (FindingStatuses.Dismissed, "審査で疑いなし"),
    ];

    public static string Label(string status) => Columns.FirstOrDefault(c => c.Status == status).Label ?? status;

    /// <summary>Hours under two days, days beyond.</summary>
    public static string Hours(double hours) => hours < 48
        ? string.Create(CultureInfo.InvariantCulture, $"{hours:0.0} 時間")
        : string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.0} 日");
}
