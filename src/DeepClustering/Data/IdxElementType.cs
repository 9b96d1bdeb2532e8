namespace DeepClustering.Data;

/// <summary>
/// The element type of an IDX file, as stored in the third byte of its magic number. Every multi-byte type is
/// stored big-endian.
/// </summary>
public enum IdxElementType : byte
{
    /// <summary>Unsigned 8-bit integer (<see cref="byte"/>), code 0x08; MNIST images and labels use it.</summary>
    UnsignedByte = 0x08,

    /// <summary>Signed 8-bit integer (<see cref="sbyte"/>), code 0x09.</summary>
    SignedByte = 0x09,

    /// <summary>Signed 16-bit integer (<see cref="short"/>), code 0x0B.</summary>
    Int16 = 0x0B,

    /// <summary>Signed 32-bit integer (<see cref="int"/>), code 0x0C.</summary>
    Int32 = 0x0C,

    /// <summary>32-bit IEEE 754 floating point (<see cref="float"/>), code 0x0D.</summary>
    Single = 0x0D,

    /// <summary>64-bit IEEE 754 floating point (<see cref="double"/>), code 0x0E.</summary>
    Double = 0x0E,
}
