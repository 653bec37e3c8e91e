using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Operations;

namespace MiddleServerValidation.Domain.Tests.Operations;

public sealed class OperationReaderTests
{
    private static RegisterEnrollee Message(string? operation, string? reason = null, string? note = null, string? id = null) => new()
    {
        RegistrationId = "R-1", InsurerNumber = "06139992", Operation = operation, OperationReason = reason, OperationNote = note, OperationId = id,
    };

    [Fact]
    public void A_message_without_operation_fields_is_a_registration_as_before()
    {
        var read = OperationReader.Read(Message(null));

        Assert.Same(OperationRequest.Registration, read);
    }

    [Theory]
    [InlineData("correct", RegistrationOperation.Correct)]
    [InlineData("訂正", RegistrationOperation.Correct)]
    [InlineData("ＣＯＲＲＥＣＴ", RegistrationOperation.Correct)]
    [InlineData(" register ", RegistrationOperation.Register)]
    [InlineData("登録", RegistrationOperation.Register)]
    public void Operation_names_are_read_in_english_or_japanese_any_width_or_case(string name, RegistrationOperation kind)
    {
        var read = OperationReader.Read(Message(name));

        Assert.Equal((kind, true), (read.Kind, read.IsValid));
    }

    [Theory]
    [InlineData("withdraw", "Misregistration", null, "Misregistration")]
    [InlineData("削除", "誤登録", null, "Misregistration")]
    [InlineData("withdraw", "QualificationLost", null, "QualificationLost")]
    [InlineData("withdraw", "Other", "転居先で再登録済み", "Other")]
    [InlineData("answer", "VerifiedTwins", "本人確認書類で双子であることを確認", "VerifiedTwins")]
    public void Withdrawals_and_answers_take_a_reason_key_or_its_label(string operation, string reason, string? note, string key)
    {
        var read = OperationReader.Read(Message(operation, reason, note));

        Assert.True(read.IsValid, string.Join(" / ", read.Problems.Select(p => p.Message)));
        Assert.Equal(key, read.Reason);
    }

    [Theory]
    [InlineData("delete", null, null, FieldNames.Operation)]
    [InlineData("withdraw", null, null, FieldNames.OperationReason)]
    [InlineData("withdraw", "Lost", null, FieldNames.OperationReason)]
    [InlineData("withdraw", "Other", null, FieldNames.OperationNote)]
    [InlineData("answer", "VerifiedTwins", null, FieldNames.OperationNote)]
    [InlineData("correct", "Misregistration", null, FieldNames.OperationReason)]
    [InlineData("register", null, "メモ", FieldNames.OperationNote)]
    public void A_malformed_operation_is_refused_with_the_field_it_concerns(string operation, string? reason, string? note, string field)
    {
        var read = OperationReader.Read(Message(operation, reason, note));

        var problem = Assert.Single(read.Problems);
        Assert.Equal((ReasonCode.OperationInvalid, field), (problem.Code, problem.Field));
    }

    [Fact]
    public void An_operation_id_over_64_characters_and_a_note_over_200_are_refused_by_length_only()
    {
        var read = OperationReader.Read(Message("answer", "Other", new string('あ', 201), new string('x', 65)));

        Assert.Equal([FieldNames.OperationId, FieldNames.OperationNote], read.Problems.Select(p => p.Field).Order());
        Assert.All(read.Problems, p => Assert.DoesNotContain("あああ", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_personal_number_typed_into_the_note_is_masked_and_a_shifted_value_is_not_echoed()
    {
        var read = OperationReader.Read(Message("withdraw", "Other", "正しい番号は 1234 5678 9018 です"));
        var shifted = OperationReader.Read(Message("123456789018"));

        Assert.Equal("正しい番号は ********9018 です", read.Note);
        Assert.DoesNotContain("123456789018", Assert.Single(shifted.Problems).Message, StringComparison.Ordinal);
    }
}
