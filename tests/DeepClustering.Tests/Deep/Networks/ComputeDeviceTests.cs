using DeepClustering.Networks;

namespace DeepClustering.Tests.Networks;

public sealed class ComputeDeviceTests
{
    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("CPU", "cpu")]
    [InlineData("cuda", "cuda:0")]
    [InlineData("cuda:3", "cuda:3")]
    [InlineData(" Auto ", "auto")]
    public void Devices_parse_and_print_as_torch_writes_them(string text, string printed)
    {
        var device = ComputeDevice.Parse(text);
        Assert.Equal(printed, device.ToString());
        Assert.Equal(device, ComputeDevice.Parse(printed));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void Other_text_is_refused_with_the_accepted_forms(string text)
    {
        Assert.False(ComputeDevice.TryParse(text, out _));
        Assert.Contains("cuda:N", Assert.Throws<FormatException>(() => ComputeDevice.Parse(text)).Message);
    }

    [Fact]
    public void Cuda_devices_carry_their_index_and_refuse_a_negative_one()
    {
        Assert.Equal(ComputeDeviceKind.Cuda, ComputeDevice.CudaDevice(2).Kind);
        Assert.Equal(2, ComputeDevice.CudaDevice(2).Index);
        Assert.True(ComputeDevice.Cuda.IsCuda);
        Assert.False(ComputeDevice.Cpu.IsCuda);
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputeDevice.CudaDevice(-1));
    }

    [Fact]
    public void The_managed_backend_resolves_auto_to_the_cpu_and_refuses_cuda_naming_the_package()
    {
        var backend = new DeepClustering.Networks.Managed.ManagedNetworkBackend(threads: 1);
        Assert.Equal(ComputeDevice.Cpu, backend.Resolve(ComputeDevice.Auto));
        var error = Assert.Throws<DeviceNotAvailableException>(() => backend.Resolve(ComputeDevice.CudaDevice(1)));
        Assert.Contains("DeepClustering.TorchSharp", error.Message);
        Assert.Equal(ComputeDevice.CudaDevice(1), error.Device);
    }
}
