using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// One registration off the queue, from the insurer the broker authenticated (<see cref="BrokerIdentity"/>). It joins a chunk decided with others in one transaction and
/// is acknowledged only after that chunk is committed, so a crash before then redelivers it.
/// </summary>
public sealed class RegisterEnrolleeConsumer(RegistrationBatcher batcher) : IConsumer<RegisterEnrollee>
{
    public async Task Consume(ConsumeContext<RegisterEnrollee> context)
    {
        var sender = BrokerIdentity.SenderOf(context) ?? throw new UnauthenticatedRegistrationException(BrokerIdentity.ExchangeOf(context));
        var result = await batcher.SubmitAsync(new Submission(context.Message, sender), context.CancellationToken);
        if (result.Kind == RegistrationResultKind.Unaddressable)
        {
            throw new UnaddressableRegistrationException(result.Reasons);
        }
    }
}
