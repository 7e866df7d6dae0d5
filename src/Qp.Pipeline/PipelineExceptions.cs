namespace Qp.Pipeline;

/// <summary>A request the pipeline cannot carry out as asked (a path that does not exist, an option contradicting a return's name); nothing was changed.</summary>
public sealed class RequestException(string message) : Exception(message);

/// <summary>Input the pipeline read and refused as a whole (e.g. last year's return given for comparison cannot be read); nothing was changed.</summary>
public sealed class InputRejectedException(string message) : Exception(message);
