using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Tests.TestSupport;
using static MiddleServerValidation.Processing.Tests.TestSupport.Chunks;

namespace MiddleServerValidation.Processing.Tests.Intake;

public sealed class RegistrationIntakeTests
{
    [Fact]
    public void The_same_number_gets_the_same_lookup_key_and_never_the_same_ciphertext()
    {
        var a = Prepare("A-1", Number(30));
        var b = Prepare("A-2", Number(30));

        Assert.Equal(a.NumberKeyHex, b.NumberKeyHex);
        Assert.NotEqual(a.NumberCipher, b.NumberCipher);
        Assert.Equal(Number(30), Protector.Decrypt(a.NumberCipher!, PersonalDataBinding.Registration(InsurerA, "A-1")));
    }

    [Fact]
    public void A_staged_ciphertext_is_kept_as_it_is()
    {
        var staged = Protector.Encrypt(Number(31), PersonalDataBinding.Registration(InsurerA, "A-1"));

        var item = Chunks.Intake.Prepare(new RegisterEnrollee
        {
            RegistrationId = "A-1", InsurerNumber = InsurerA, PersonalNumber = Number(31), BirthDate = "1989-09-13", KanaName = "シカク ハナコ",
        }, InsurerA, staged);

        Assert.Same(staged, item.NumberCipher);
    }

    [Fact]
    public void An_invalid_number_gets_no_lookup_key_but_is_kept_encrypted()
    {
        var item = Prepare("A-1", "123456789010");

        Assert.Null(item.NumberKey);
        Assert.Equal("123456789010", Protector.Decrypt(item.NumberCipher!, PersonalDataBinding.Registration(InsurerA, "A-1")));
        Assert.Equal(("06139992", "A-1"), (item.Key!.InsurerNumber, item.Key.RegistrationId));
    }

    [Fact]
    public void A_rejected_record_is_still_addressed_by_its_normalised_insurer_number_and_trimmed_id()
    {
        var item = Prepare("  A-1 ", "1", insurer: "０６１３９９９２");

        Assert.False(item.Read.IsValid);
        Assert.Equal(("06139992", "A-1"), (item.Key!.InsurerNumber, item.Key.RegistrationId));
    }
}
