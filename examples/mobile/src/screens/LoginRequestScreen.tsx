import { StyleSheet, View } from 'react-native';
import type { PushLoginRequest } from '@simauth/client';
import { Body, Button, ErrorText, Screen } from '../ui';

/** A sign-in started elsewhere: pick the number the other screen shows, or deny. */
export function LoginRequestScreen(props: {
  request: PushLoginRequest;
  progress: string | null;
  error: string | null;
  onPick: (matchNumber: number) => void;
  onDeny: () => void;
}) {
  const busy = props.progress !== null;
  return (
    <Screen title="Are you signing in?">
      {props.request.bindingMessage && (
        <Body testID="binding-message">{props.request.bindingMessage}</Body>
      )}
      <Body>
        Someone is signing in with your number. If it is you, tap the number the other screen shows.
        If not, deny.
      </Body>
      <View style={styles.numbers} testID="match-numbers">
        {props.request.matchNumbers.map((n) => (
          <Button
            key={n}
            big
            title={String(n)}
            testID={`match-${n}`}
            disabled={busy}
            onPress={() => props.onPick(n)}
          />
        ))}
      </View>
      <Button
        title="Deny: it was not me"
        kind="danger"
        testID="deny"
        disabled={busy}
        onPress={props.onDeny}
      />
      {props.progress && <Body testID="progress">{props.progress}</Body>}
      <ErrorText>{props.error}</ErrorText>
    </Screen>
  );
}

const styles = StyleSheet.create({ numbers: { flexDirection: 'row', gap: 12 } });
