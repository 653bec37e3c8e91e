using FluentValidation;
using FluentValidation.Results;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Cards;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// Reports every problem of a registration at once, one failure per problem: <c>ErrorCode</c> is the
/// <see cref="ReasonCode"/> name, <c>PropertyName</c> the camelCase contract field, the message Japanese.
/// Each failure's <c>CustomState</c> is the matching <see cref="Reason"/>. Each rule reads its field once and, when
/// the <see cref="RegistrationReader"/> runs it, keeps the value it read. Thread-safe once built: build it once.
/// </summary>
public sealed class RegisterEnrolleeValidator : AbstractValidator<RegisterEnrollee>
{
    /// <summary>漢字氏名 at most (the 住民票's 氏名 field is far shorter).</summary>
    public const int MaxKanjiNameLength = 100;

    /// <summary>住所 at most, building and room included.</summary>
    public const int MaxAddressLength = 200;

    /// <param name="clock">Gives "today" in Japan, for the future-birthdate rule.</param>
    public RegisterEnrolleeValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        RuleFor(m => m.RegistrationId).Custom((value, context) =>
            Keep(context, FieldNames.RegistrationId, RegistrationFields.ReadRegistrationId(value), (values, id) => values.RegistrationId = id));
        RuleFor(m => m.InsurerNumber).Custom((value, context) =>
            Keep(context, FieldNames.InsurerNumber, RegistrationFields.ReadInsurerNumber(value), (values, insurer) => values.InsurerNumber = insurer));
        RuleFor(m => m.PersonalNumber).Custom((value, context) =>
            Keep(context, FieldNames.PersonalNumber, RegistrationFields.ReadPersonalNumber(value), (values, number) => values.PersonalNumber = number));
        RuleFor(m => m.BirthDate).Custom((value, context) =>
            Keep(context, FieldNames.BirthDate, RegistrationFields.ReadBirthDate(value, TokyoCalendar.Today(clock)), (values, date) => values.BirthDate = date));
        RuleFor(m => m.KanaName).Custom((value, context) =>
            Keep(context, FieldNames.KanaName, RegistrationFields.ReadKanaName(value), (values, name) => values.KanaName = name));
        RuleFor(m => m.Sex).Custom((value, context) =>
            Keep(context, FieldNames.Sex, RegistrationFields.ReadSex(value), (values, sex) => values.Sex = sex));
        RuleFor(m => m.KanjiName).Custom((value, context) =>
            Keep(context, FieldNames.KanjiName, RegistrationFields.ReadFreeText(value, "漢字氏名", MaxKanjiNameLength), (values, name) => values.KanjiName = name));
        RuleFor(m => m.Address).Custom((value, context) =>
            Keep(context, FieldNames.Address, RegistrationFields.ReadFreeText(value, "住所", MaxAddressLength), (values, address) => values.Address = address));

        // CardFields checks 記号・番号・枝番 together; the rule hangs on cardNumber but reports on each field.
        RuleFor(m => m.CardNumber).Custom((_, context) =>
        {
            var message = context.InstanceToValidate;
            var (card, problems) = CardFields.Read(message.CardSymbol, message.CardNumber, message.BranchNumber);
            ValuesOf(context).Card = card;
            foreach (var problem in problems)
            {
                Report(context, problem);
            }
        });

        RuleFor(m => m.QualificationDate).Custom((value, context) =>
            Keep(context, FieldNames.QualificationDate, RegistrationFields.ReadQualificationDate(value), (values, date) => values.QualificationDate = date));
        RuleFor(m => m.BatchId).Custom((value, context) =>
            Keep(context, FieldNames.BatchId, RegistrationFields.ReadBatchId(value), (values, id) => values.BatchId = id));
    }

    private static void Keep<T>(ValidationContext<RegisterEnrollee> context, string field, ParseResult<T> read, Action<RegistrationValues, T> keep)
    {
        if (read.IsValid)
        {
            keep(ValuesOf(context), read.Value);
        }
        else
        {
            Report(context, new Reason(read.Error!.Value, field, read.ErrorMessage!));
        }
    }

    // Called without the reader (a caller that only wants the problems), the values go nowhere.
    private static RegistrationValues ValuesOf(ValidationContext<RegisterEnrollee> context) =>
        context.RootContextData.TryGetValue(RegistrationValues.ContextKey, out var values) ? (RegistrationValues)values : new RegistrationValues();

    private static void Report(ValidationContext<RegisterEnrollee> context, Reason problem) =>
        context.AddFailure(new ValidationFailure(problem.Field, problem.Message)
        {
            ErrorCode = problem.Code.ToString(),
            CustomState = problem,
        });
}
