using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.Storage;
using MiddleServerValidation.Processing.Tests.TestSupport;
using static MiddleServerValidation.Processing.Tests.TestSupport.Chunks;

namespace MiddleServerValidation.Processing.Tests.Decisions;

/// <summary>The decision step's in-memory part: a chunk in, a result per record and the rows to write out; no database, no J-LIS.</summary>
public sealed class ChunkDeciderTests
{
    private static readonly Dictionary<RegistrationKey, ExistingRegistration> NothingStored = [];

    /// <summary>Decides, and builds the rows when nothing is missing, as the decision step does.</summary>
    private static (IReadOnlyList<RegistrationResult> Results, ChunkWrite Write, IReadOnlyCollection<string> MissingAnswers) Decide(
        IReadOnlyList<PreparedRegistration> items, IReadOnlyDictionary<RegistrationKey, ExistingRegistration> existing, HistoryBook history,
        IReadOnlyDictionary<string, ResidentAnswer> answers, DecisionContext context)
    {
        var verdicts = ChunkDecider.Decide(items, existing, history, answers, context.Rules);
        if (verdicts.MissingAnswers.Count > 0)
        {
            Assert.Throws<InvalidOperationException>(() => ChunkRows.Build(items, verdicts, context));
            return ([], new ChunkWrite(), verdicts.MissingAnswers);
        }

        var chunk = ChunkRows.Build(items, verdicts, context);
        return (chunk.Results, chunk.Write(), verdicts.MissingAnswers);
    }

    [Fact]
    public void A_record_consistent_with_the_history_is_accepted_and_written_with_its_notice()
    {
        var item = Prepare("A-1", Number(1));

        var chunk = Decide([item], NothingStored, History((item, Earlier())), NoAnswers(), Context());

        var result = Assert.Single(chunk.Results);
        Assert.Equal((RegistrationResultKind.Decided, Outcomes.Accepted), (result.Kind, result.Outcome));
        Assert.Equal(ReasonCode.HistoryMatch, result.Reasons[0].Code);
        var row = Assert.Single(chunk.Write.Registrations);
        Assert.Equal((item.Id, InsurerA, "A-1", "Accepted"), (row.Id, row.InsurerNumber, row.RegistrationId, row.Outcome));
        Assert.Equal(item.NumberCipher, row.PersonalNumberCipher);
        var notice = Assert.Single(chunk.Write.Notices);
        Assert.Equal(NoticeIds.OfDecision(InsurerA, "A-1", Outcome.Accepted), notice.NoticeId);
        Assert.Equal(result.NoticeId, notice.NoticeId);
        Assert.Empty(chunk.MissingAnswers);
    }

    [Fact]
    public void A_record_with_no_history_needs_J_LIS_and_is_decided_once_the_answer_is_there()
    {
        var item = Prepare("A-1", Number(2));

        var first = Decide([item], NothingStored, HistoryBook.Empty(), NoAnswers(), Context());
        Assert.Equal([Number(2)], first.MissingAnswers);
        Assert.Empty(first.Write.Registrations);

        var answers = new Dictionary<string, ResidentAnswer> { [Number(2)] = new ResidentAnswer.Found("シカク ハナコ", new DateOnly(1989, 9, 13), null) };
        var second = Decide([item], NothingStored, HistoryBook.Empty(), answers, Context());

        Assert.Empty(second.MissingAnswers);
        Assert.Equal(ReasonCode.JlisConfirmed, Assert.Single(second.Results).Reasons[0].Code);
        Assert.Contains("\"status\":\"Found\"", Assert.Single(second.Write.Registrations).ResidentAnswerJson);
    }

    [Fact]
    public void A_record_sees_the_records_accepted_before_it_in_the_same_chunk()
    {
        // Twins registered in one chunk: the first is the history of the second, as if they had arrived one by one.
        var first = Prepare("A-1", Number(3), kanaName: "シカク ハナコ");
        var second = Prepare("A-2", Number(3), kanaName: "シカク ユキコ");
        var history = History((first, Earlier()));

        var chunk = Decide([first, second], NothingStored, history, NoAnswers(), Context());

        Assert.Equal([Outcomes.Accepted, Outcomes.Suspected], chunk.Results.Select(r => r.Outcome));
        var finding = Assert.Single(chunk.Write.Findings);
        Assert.Equal((second.Id, "KanaNameMismatch"), (finding.RegistrationId, finding.Code));
        Assert.Contains(first.Id, finding.ConflictingRegistrationIds);
        Assert.Equal(2, history.Of(first.NumberKeyHex).Count);
    }

    [Fact]
    public void A_key_already_stored_or_earlier_in_the_chunk_is_a_duplicate_and_writes_nothing()
    {
        var stored = Prepare("A-1", Number(4));
        var again = Prepare("A-1", Number(4));
        var twice = Prepare("A-2", Number(5));
        var twiceAgain = Prepare("A-2", Number(5));
        var existing = new Dictionary<RegistrationKey, ExistingRegistration> { [stored.Key!] = new(Guid.CreateVersion7(), Outcomes.Accepted) };

        var chunk = Decide([again, twice, twiceAgain], existing, History((twice, Earlier())), NoAnswers(), Context());

        Assert.Equal(
            [RegistrationResultKind.Duplicate, RegistrationResultKind.Decided, RegistrationResultKind.Duplicate],
            chunk.Results.Select(r => r.Kind));
        Assert.Equal(existing[stored.Key!].Id, chunk.Results[0].StoredId);
        Assert.Equal(twice.Id, chunk.Results[2].StoredId);
        Assert.Null(chunk.Results[2].NoticeId);
        Assert.Equal(twice.Id, Assert.Single(chunk.Write.Registrations).Id);
    }

    [Fact]
    public void An_invalid_record_is_stored_rejected_without_its_personal_number_in_the_values_as_sent()
    {
        var item = Prepare("A-1", Number(6), birthDate: "H31.5.1");

        var chunk = Decide([item], NothingStored, HistoryBook.Empty(), NoAnswers(), Context());

        Assert.Equal(Outcomes.Rejected, Assert.Single(chunk.Results).Outcome);
        var row = Assert.Single(chunk.Write.Registrations);
        Assert.Null(row.BirthDate);
        Assert.Contains("H31.5.1", row.SubmittedJson);
        Assert.DoesNotContain(Number(6), row.SubmittedJson);
        Assert.NotNull(row.PersonalNumberCipher);
        Assert.DoesNotContain(Number(6), Assert.Single(chunk.Write.Notices).PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_no_insurer_or_id_is_unaddressable_and_writes_nothing()
    {
        var item = Prepare(" ", Number(7));

        var chunk = Decide([item], NothingStored, HistoryBook.Empty(), NoAnswers(), Context());

        Assert.Equal(RegistrationResultKind.Unaddressable, Assert.Single(chunk.Results).Kind);
        Assert.Empty(chunk.Write.Registrations);
        Assert.Empty(chunk.Write.Notices);
    }

    [Fact]
    public void An_unreachable_J_LIS_leaves_the_record_pending_with_a_lookup_to_retry()
    {
        var item = Prepare("A-1", Number(8));
        var answers = new Dictionary<string, ResidentAnswer> { [Number(8)] = new ResidentAnswer.Unavailable("timeout") };

        var chunk = Decide([item], NothingStored, HistoryBook.Empty(), answers, Context());

        Assert.Equal(Outcomes.Pending, Assert.Single(chunk.Results).Outcome);
        var lookup = Assert.Single(chunk.Write.Lookups);
        Assert.Equal((item.Id, "timeout"), (lookup.RegistrationId, lookup.LastError));
        Assert.True(lookup.NextAttemptAt > Now);
    }

    [Fact]
    public void A_batch_chunk_writes_no_notices()
    {
        var item = Prepare("A-1", Number(9));

        var chunk = Decide([item], NothingStored, History((item, Earlier())), NoAnswers(), Context(writeNotices: false));

        Assert.Single(chunk.Write.Registrations);
        Assert.Empty(chunk.Write.Notices);
        Assert.Null(Assert.Single(chunk.Results).NoticeId);
    }
}
