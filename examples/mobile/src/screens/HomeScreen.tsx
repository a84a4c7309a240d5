import type { Outcome } from '../flow/use-phone';
import { Body, Button, ErrorText, Screen } from '../ui';

/** Registered: waiting for sign-in requests; the last one's outcome. */
export function HomeScreen(props: {
  number: string;
  outcome: Outcome | null;
  listening: boolean;
  error: string | null;
  onRefresh: () => void;
  onSettings: () => void;
  onDismiss: () => void;
}) {
  return (
    <Screen title="simauth">
      <Body testID="registered">Registered as {props.number || 'this phone'}.</Body>
      {props.outcome ? (
        <>
          <Body testID="outcome">{props.outcome.text}</Body>
          <Button title="OK" testID="dismiss" onPress={props.onDismiss} />
        </>
      ) : props.listening ? (
        <Body testID="listening">Waiting for sign-in requests. They arrive as notifications.</Body>
      ) : (
        <Body>Connecting…</Body>
      )}
      <ErrorText>{props.error}</ErrorText>
      <Button
        title="Check for requests"
        kind="secondary"
        testID="refresh"
        onPress={props.onRefresh}
      />
      <Button title="Settings" kind="secondary" testID="settings" onPress={props.onSettings} />
    </Screen>
  );
}
