using MiddleServerValidation.Contracts;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Submission;

/// <summary>Compares the notices received with an expected-outcomes CSV (registration_id,outcome,reason_code).</summary>
internal static class ExpectedOutcomes
{
    public static bool Check(string path, IEnumerable<RegistrationNotice> notices)
    {
        var byId = notices.GroupBy(n => n.RegistrationId).ToDictionary(g => g.Key, g => g.Last());
        var allMatch = true;
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var parts = line.Split(',');
            var (id, outcome, code) = (parts[0].Trim(), parts[1].Trim(), parts.Length > 2 ? parts[2].Trim() : "");
            var match = byId.TryGetValue(id, out var notice) && notice.Outcome == outcome
                && (code.Length == 0 || notice.Reasons.Any(r => r.Code == code));
            allMatch &= match;
            var got = notice is null ? "(通知なし)" : $"{notice.Outcome} {string.Join(";", notice.Reasons.Select(r => r.Code))}";
            var mark = match ? "[green]✓[/]" : "[red]✗[/]";
            AnsiConsole.MarkupLine($"{mark} {Markup.Escape($"{id}: 期待 {outcome} {code} / 結果 {got}")}");
        }

        return allMatch;
    }
}
