import { useState } from 'react';
import type { CodePrompt } from '../flow/code-prompts';
import { Body, Button, Field, Screen } from '../ui';

const TEXT = {
  sms: {
    title: 'Enter the code we sent you',
    body: 'Your network cannot check your SIM over mobile data, so a code went to this number by SMS.',
    label: 'SMS code',
  },
  factor: {
    title: 'Enter your authenticator code',
    body: 'Your SIM changed recently. To approve, enter the code your authenticator app shows now.',
    label: 'Authenticator code',
  },
};

/** The SMS fallback's code, and the factor step-up's: whichever the flow asks for. */
export function CodeScreen({ prompt }: { prompt: CodePrompt }) {
  const [code, setCode] = useState('');
  const text = TEXT[prompt.kind];
  return (
    <Screen title={text.title}>
      <Body>{text.body}</Body>
      <Field
        label={text.label}
        testID="code"
        value={code}
        onChangeText={setCode}
        keyboardType="number-pad"
        autoComplete={prompt.kind === 'sms' ? 'sms-otp' : 'one-time-code'}
        maxLength={8}
      />
      <Button
        title="Continue"
        testID="submit-code"
        disabled={code.trim().length < 6}
        onPress={() => prompt.submit(code)}
      />
      <Button title="Cancel" kind="secondary" onPress={prompt.cancel} />
    </Screen>
  );
}
