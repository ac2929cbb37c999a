using NexusZero.Service.Models;

namespace NexusZero.Service.Tests;

/// <summary>A model's proving key kept in a file: made once, then read back by every later registration.</summary>
[Collection(ServiceTestsDefinition.Name)]
public sealed class ProvingKeyFileTests(ServiceFixture fixture)
{
    [Fact]
    public void The_first_registration_writes_the_key_and_the_next_one_proves_under_the_same_verifying_key()
    {
        var directory = Directory.CreateTempSubdirectory("nz-service-pk-");
        try
        {
            var path = Path.Combine(directory.FullName, "wine.nzpk");
            using var first = RegisteredModel.Create("wine", fixture.Onnx, null, null, path);
            Assert.True(File.Exists(path));
            using var second = RegisteredModel.Create("wine", fixture.Onnx, null, null, path);
            Assert.Equal(first.VerifyingKey.Encoded.ToArray(), second.VerifyingKey.Encoded.ToArray());

            // Without the file every registration runs its own setup.
            Assert.NotEqual(first.VerifyingKey.Encoded.ToArray(), fixture.Model.VerifyingKey.Encoded.ToArray());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_this_models_key_is_refused_with_the_defect_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[100]);
            var ex = Assert.Throws<ArgumentException>(() => RegisteredModel.Create("wine", fixture.Onnx, null, null, path));
            Assert.Contains("proving key:", ex.Message, StringComparison.Ordinal);
            Assert.Contains("bytes; this one has 100", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
