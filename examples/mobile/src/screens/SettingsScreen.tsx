import { useState } from 'react';
import { View } from 'react-native';
import { useFactors } from '../flow/use-factors';
import { Body, Button, ErrorText, Field, Screen } from '../ui';

/** The authenticator factors (list, add, remove), and forgetting this phone. */
export function SettingsScreen(props: { onForget: () => void; onBack: () => void }) {
  const { factors, enrolling, error, enrolTotp, activate, remove } = useFactors();
  const [code, setCode] = useState('');
  return (
    <Screen title="Settings">
      <Body>
        Authenticator codes approve a sign-in when your SIM changed recently (a SIM swap).
      </Body>
      <View testID="factors" style={{ gap: 8 }}>
        {factors === null ? (
          <Body>Loading…</Body>
        ) : factors.length === 0 ? (
          <Body testID="no-factors">No authenticator yet.</Body>
        ) : (
          factors.map((f) => (
            <View key={f.factorId} testID={`factor-${f.factorId}`} style={{ gap: 4 }}>
              <Body>
                {f.type === 'totp' ? 'Authenticator app' : 'tru.ID authenticator'} (
                {f.status.toLowerCase()})
              </Body>
              <Button
                title="Remove"
                kind="secondary"
                testID={`remove-${f.factorId}`}
                onPress={() => void remove(f.factorId)}
              />
            </View>
          ))
        )}
      </View>
      {enrolling ? (
        <>
          <Body>Add this to your authenticator app, then enter the code it shows:</Body>
          <Body testID="otpauth-url">{enrolling.otpauthUrl}</Body>
          <Field
            label="Code"
            testID="activation-code"
            value={code}
            onChangeText={setCode}
            keyboardType="number-pad"
          />
          <Button
            title="Activate"
            testID="activate"
            onPress={() => void activate(code).then(() => setCode(''))}
          />
        </>
      ) : (
        <Button
          title="Add an authenticator app"
          kind="secondary"
          testID="enrol-totp"
          onPress={() => void enrolTotp()}
        />
      )}
      <ErrorText>{error}</ErrorText>
      <Button title="Forget this phone" kind="danger" testID="forget" onPress={props.onForget} />
      <Button title="Back" kind="secondary" testID="back" onPress={props.onBack} />
    </Screen>
  );
}
