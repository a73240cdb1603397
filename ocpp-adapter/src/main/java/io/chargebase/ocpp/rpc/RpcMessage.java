package io.chargebase.ocpp.rpc;

/** One OCPP-J message: the wrapper around an OCPP payload (OCPP-J 1.6 §4.2). */
public sealed interface RpcMessage permits Call, CallResult, CallError {

    /** The message id longer than this is refused (OCPP-J 1.6 §4.1.4: "Maximum of 36 characters"). */
    int MAX_MESSAGE_ID_LENGTH = 36;

    String messageId();

    /** The MessageTypeNumber on the wire (OCPP-J 1.6 §4.1.3, table 2). */
    int typeId();
}
