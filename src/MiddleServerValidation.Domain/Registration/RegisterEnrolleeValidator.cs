using FluentValidation;
using FluentValidation.Results;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Cards;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// Reports every problem of a registration at once, one failure per problem: <c>ErrorCode</c> is the
/// <see cref="ReasonCode"/> name, <c>PropertyName</c> the camelCase contract field, the message Japanese.
/// Each failure's <c>CustomState</c> is the matching <see cref="Reason"/>. Thread-safe once built: build it once.
/// </summary>
public sealed class RegisterEnrolleeValidator : AbstractValidator<RegisterEnrollee>
{
    /// <param name="clock">Gives "today" in Japan, for the future-birthdate rule.</param>
    public RegisterEnrolleeValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        RuleFor(m => m.RegistrationId).Custom((value, context) => Report(context, RegistrationFields.CheckRegistrationId(value)));
        RuleFor(m => m.InsurerNumber).Custom((value, context) => Report(context, RegistrationFields.CheckInsurerNumber(value)));
        RuleFor(m => m.PersonalNumber).Custom((value, context) => Report(context, RegistrationFields.CheckPersonalNumber(value)));
        RuleFor(m => m.BirthDate).Custom((value, context) =>
            Report(context, RegistrationFields.CheckBirthDate(value, TokyoCalendar.Today(clock))));
        RuleFor(m => m.KanaName).Custom((value, context) => Report(context, RegistrationFields.CheckKanaName(value)));
        RuleFor(m => m.Sex).Custom((value, context) => Report(context, RegistrationFields.CheckSex(value)));

        // CardFields checks 記号・番号・枝番 together; the rule hangs on cardNumber but reports on each field.
        RuleFor(m => m.CardNumber).Custom((_, context) =>
        {
            var message = context.InstanceToValidate;
            foreach (var problem in CardFields.Validate(message.CardSymbol, message.CardNumber, message.BranchNumber))
            {
                Report(context, problem);
            }
        });

        RuleFor(m => m.QualificationDate).Custom((value, context) => Report(context, RegistrationFields.CheckQualificationDate(value)));
        RuleFor(m => m.BatchId).Custom((value, context) => Report(context, RegistrationFields.CheckBatchId(value)));
    }

    private static void Report(ValidationContext<RegisterEnrollee> context, Reason? problem)
    {
        if (problem is not null)
        {
            context.AddFailure(new ValidationFailure(problem.Field, problem.Message)
            {
                ErrorCode = problem.Code.ToString(),
                CustomState = problem,
            });
        }
    }
}
