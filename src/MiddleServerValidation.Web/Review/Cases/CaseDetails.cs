using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>Reads one case: the finding, its registration and the conflicting ones, J-LIS, notices and history.</summary>
public sealed class CaseDetails(ValidationDbContext db, CaseNumbers numbers)
{
    public async Task<CaseDetail?> ReadAsync(Guid findingId, CancellationToken cancellationToken)
    {
        var finding = await db.Set<StoredFinding>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding is null)
        {
            return null;
        }

        var ids = finding.ConflictingRegistrationIds.Append(finding.RegistrationId).ToArray();
        var registrations = await db.Set<StoredRegistration>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var registration = registrations.Single(r => r.Id == finding.RegistrationId);
        var conflicting = registrations.Where(r => r.Id != finding.RegistrationId)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToList();
        var notices = await db.Set<OutboxNotice>().AsNoTracking()
            .Where(n => n.RegistrationId == finding.RegistrationId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var events = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.FindingId == findingId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var assignment = await db.Set<CaseAssignment>().AsNoTracking().SingleOrDefaultAsync(a => a.FindingId == findingId, cancellationToken);

        var answer = ReadAnswer(registration.ResidentAnswerJson);
        var differences = JsonSerializer.Deserialize<List<FieldDifference>>(finding.DifferencesJson, StoredJson.Options) ?? [];
        return new CaseDetail
        {
            Finding = finding,
            Registration = registration,
            Conflicting = conflicting,
            Answer = answer,
            Comparison = ComparisonBuilder.Build(registration, conflicting, answer, differences, numbers),
            Differences = [.. differences.Select(d => new DifferenceView(
                d.Field, ComparisonBuilder.Show(d.Field, d.CandidateValue), ComparisonBuilder.Show(d.Field, d.OtherValue),
                SourceLabel(d.Source, conflicting)))],
            Notices = [.. notices.Select(n => new NoticeView(NoticeOutbox.Read(n.PayloadJson), n.CreatedAt, n.DispatchedAt))],
            Events = events,
            Assignment = assignment,
        };
    }

    private static ResidentAnswerView ReadAnswer(string? json)
    {
        if (json is null)
        {
            return new ResidentAnswerView(ResidentAnswerView.NotAsked, null, null, null, null);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new ResidentAnswerView(
            Text("status") ?? "Unknown",
            Text("kanaName"),
            DateOnly.TryParse(Text("birthDate"), System.Globalization.CultureInfo.InvariantCulture, out var birthDate) ? birthDate : null,
            Text("sex"),
            Text("cause"));
    }

    private static string SourceLabel(string source, IReadOnlyList<StoredRegistration> conflicting)
    {
        if (source == FieldDifference.JlisSource)
        {
            return "住基ネット（J-LIS）";
        }

        var index = conflicting.ToList().FindIndex(r => source == $"registration:{r.Id}");
        return index >= 0 ? $"既存の登録 {index + 1}" : source;
    }
}
