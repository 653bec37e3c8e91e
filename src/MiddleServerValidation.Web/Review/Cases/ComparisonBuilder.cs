using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// Lays the new registration, the conflicting earlier ones and the J-LIS answer side by side. Birthdate, name and
/// sex are compared with the new registration and differing cells marked; the insurer's own fields (card, dates
/// of receipt) are shown, not compared: they differ between insurers by nature.
/// </summary>
internal static class ComparisonBuilder
{
    private sealed record Column(ComparisonColumn Header, string Source, Func<string, string?> Value);

    public static Comparison Build(
        StoredRegistration candidate, IReadOnlyList<StoredRegistration> earlier, ResidentAnswerView answer,
        IReadOnlyList<FieldDifference> differences, CaseNumbers numbers)
    {
        List<Column> columns = [RegistrationColumn(candidate, "今回の登録", true, numbers)];
        columns.AddRange(earlier.Select((r, i) => RegistrationColumn(r, $"既存の登録 {i + 1}", false, numbers)));
        if (answer.Status == "Found")
        {
            columns.Add(JlisColumn(answer, candidate, numbers));
        }

        List<ComparisonRow> rows =
        [
            Row("保険者番号", "insurer", columns, differences, compared: false),
            Row("登録ID", "registrationId", columns, differences, compared: false),
            Row("受付日時", "receivedAt", columns, differences, compared: false),
            Row("判定結果", "outcome", columns, differences, compared: false),
            Row("個人番号", FieldNames.PersonalNumber, columns, differences, compared: false),
            Row("生年月日", FieldNames.BirthDate, columns, differences, compared: true),
            Row("カナ氏名", FieldNames.KanaName, columns, differences, compared: true),
            Row("性別", FieldNames.Sex, columns, differences, compared: true),
            Row("被保険者証 記号・番号・枝番", FieldNames.CardNumber, columns, differences, compared: false),
            Row("資格取得日", FieldNames.QualificationDate, columns, differences, compared: false),
        ];
        return new Comparison([.. columns.Select(c => c.Header)], rows);
    }

    private static ComparisonRow Row(
        string label, string field, List<Column> columns, IReadOnlyList<FieldDifference> differences, bool compared)
    {
        var baseline = columns[0].Value(field);
        var cells = columns.Select((column, i) =>
        {
            var value = column.Value(field);
            var differs = compared && i > 0 && value is not null && baseline is not null && value != baseline;
            var evidence = i > 0 && differences.Any(d => d.Field == field && d.Source == column.Source);
            return new ComparisonCell(Show(field, value), differs, evidence);
        }).ToList();
        return new ComparisonRow(label, cells, compared);
    }

    private static Column RegistrationColumn(StoredRegistration r, string title, bool isCandidate, CaseNumbers numbers)
    {
        var masked = numbers.Masked(r);
        return new Column(
            new ComparisonColumn(title, $"保険者 {r.InsurerNumber}", isCandidate),
            $"registration:{r.Id}",
            field => field switch
            {
                "insurer" => r.InsurerNumber,
                "registrationId" => r.RegistrationId,
                "receivedAt" => JapanTime.DateTime(r.ReceivedAt),
                "outcome" => Labels.Outcome(r.Outcome),
                FieldNames.PersonalNumber => masked,
                FieldNames.BirthDate => r.BirthDate?.ToString("yyyy-MM-dd"),
                FieldNames.KanaName => r.KanaName,
                FieldNames.Sex => r.Sex?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FieldNames.CardNumber => string.Join("・", new[] { r.CardSymbol, r.CardNumber, r.BranchNumber }.Select(v => v ?? "—")),
                FieldNames.QualificationDate => r.QualificationDate?.ToString("yyyy-MM-dd"),
                _ => null,
            });
    }

    private static Column JlisColumn(ResidentAnswerView answer, StoredRegistration candidate, CaseNumbers numbers)
    {
        var masked = numbers.Masked(candidate);
        return new Column(
            new ComparisonColumn("住基ネット（J-LIS）", "本人確認情報", false),
            FieldDifference.JlisSource,
            field => field switch
            {
                FieldNames.PersonalNumber => masked,
                FieldNames.BirthDate => answer.BirthDate?.ToString("yyyy-MM-dd"),
                FieldNames.KanaName => answer.KanaName,
                FieldNames.Sex => answer.Sex,
                _ => null,
            });
    }

    /// <summary>A stored value as staff read it: dates with 和暦, sex in words.</summary>
    public static string Show(string field, string? value) => (field, value) switch
    {
        (_, null or "") => "—",
        (FieldNames.BirthDate or FieldNames.QualificationDate, _)
            when DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) => JapanTime.Date(date),
        (FieldNames.Sex, _) => Labels.Sex(value),
        _ => value,
    };
}
