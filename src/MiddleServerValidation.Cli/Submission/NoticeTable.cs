using MiddleServerValidation.Contracts;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Submission;

internal static class NoticeTable
{
    public static void Print(IEnumerable<RegisterEnrollee> sent, IReadOnlyDictionary<(string, string), RegistrationNotice> notices)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("登録ID", "保険者番号", "個人番号", "結果", "状態", "理由コード", "メッセージ");
        foreach (var registration in sent)
        {
            var key = ((registration.InsurerNumber ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim(), (registration.RegistrationId ?? "").Trim());
            if (!notices.TryGetValue(key, out var notice))
            {
                table.AddRow(Markup.Escape(key.Item2), Markup.Escape(key.Item1), "", "[grey](通知なし)[/]", "", "", "");
                continue;
            }

            table.AddRow(
                Markup.Escape(notice.RegistrationId),
                Markup.Escape(notice.InsurerNumber),
                Markup.Escape(notice.PersonalNumberMasked ?? ""),
                Colour(notice.Outcome),
                State(notice.State),
                Markup.Escape(string.Join(";", notice.Reasons.Select(r => r.Code))),
                Markup.Escape(string.Join(" / ", notice.Reasons.Select(r => r.Message))));
        }

        AnsiConsole.Write(table);
    }

    private static string Colour(string outcome) => outcome switch
    {
        Outcomes.Accepted => "[green]Accepted[/]",
        Outcomes.Suspected => "[yellow]Suspected[/]",
        Outcomes.Rejected => "[red]Rejected[/]",
        Outcomes.Withdrawn => "[grey]Withdrawn[/]",
        Outcomes.Answered => "[green]Answered[/]",
        _ => Markup.Escape(outcome),
    };

    private static string State(string? state) => state switch
    {
        RegistrationStates.Usable => "利用可",
        RegistrationStates.Held => "[yellow]閲覧停止[/]",
        RegistrationStates.Withdrawn => "[grey]削除済み[/]",
        RegistrationStates.Rejected => "[red]不備[/]",
        _ => "",
    };
}
