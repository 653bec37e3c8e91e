using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Notices;

namespace MiddleServerValidation.Processing.States;

/// <summary>
/// The outbox rows of <see cref="RegistrationStateChanged"/> events, written in the transaction that changes a record's
/// state. A record accepted at once makes none: usable is every record's state until an event says otherwise.
/// </summary>
public static class StateEvents
{
    /// <summary>The causes an event names.</summary>
    public static class Causes
    {
        public const string Registered = nameof(Registered);
        public const string Corrected = nameof(Corrected);
        public const string Withdrawn = nameof(Withdrawn);
        public const string Answered = nameof(Answered);
        public const string Reviewed = nameof(Reviewed);
        public const string Rechecked = nameof(Rechecked);
        public const string ResidentRegistryAnswered = nameof(ResidentRegistryAnswered);

        /// <summary>The full-store check against J-LIS (<c>reconcile --steps jlis-audit</c>) found the record wrong.</summary>
        public const string JlisAudited = nameof(JlisAudited);
    }

    /// <summary>Whether a record's first version, decided in <paramref name="state"/>, is announced: only when it is not usable and not rejected.</summary>
    public static bool AnnouncesNew(string state) => state == RegistrationStates.Held;

    public static OutboxNotice Row(
        string insurerNumber, string registrationId, Guid versionId, int version, string state, string? previousState, string outcome,
        string cause, IReadOnlyList<string> openReasons, string? personalNumberMasked, DateTimeOffset now)
    {
        var change = new RegistrationStateChanged
        {
            EventId = Guid.CreateVersion7(),
            InsurerNumber = insurerNumber,
            RegistrationId = registrationId,
            Version = version,
            State = state,
            PreviousState = previousState,
            Outcome = outcome,
            Cause = cause,
            OpenReasons = openReasons,
            PersonalNumberMasked = personalNumberMasked,
            ChangedAt = now,
        };
        return new OutboxNotice
        {
            Kind = OutboxKinds.StateEvent,
            NoticeId = change.EventId,
            RegistrationId = versionId,
            InsurerNumber = insurerNumber,
            Outcome = state,
            PayloadJson = JsonSerializer.Serialize(change, StoredJson.Options),
            CreatedAt = now,
        };
    }

    /// <summary>The event as published: the row's place in the outbox is its sequence.</summary>
    public static RegistrationStateChanged Read(string payloadJson, long sequence) =>
        (JsonSerializer.Deserialize<RegistrationStateChanged>(payloadJson, StoredJson.Options) ?? throw new JsonException("Empty state event."))
        with { Sequence = sequence };
}
