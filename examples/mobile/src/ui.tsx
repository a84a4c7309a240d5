import type { ReactNode } from 'react';
import {
  Pressable,
  ScrollView,
  StyleSheet,
  Text,
  TextInput,
  TextInputProps,
  View,
} from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

/** A few plain building blocks, so that the screens show the flow and not the styling. */
export function Screen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <SafeAreaView style={styles.safe}>
      <ScrollView contentContainerStyle={styles.screen} keyboardShouldPersistTaps="handled">
        <Text style={styles.title} role="heading">
          {title}
        </Text>
        {children}
      </ScrollView>
    </SafeAreaView>
  );
}

export function Body({ children, testID }: { children: ReactNode; testID?: string }) {
  return (
    <Text style={styles.body} testID={testID}>
      {children}
    </Text>
  );
}

export function ErrorText({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Text style={[styles.body, styles.error]} testID="error" role="alert">
      {children}
    </Text>
  );
}

export function Field(props: TextInputProps & { label: string }) {
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{props.label}</Text>
      <TextInput
        autoCapitalize="none"
        autoCorrect={false}
        placeholderTextColor="#9aa0a6"
        {...props}
        aria-label={props.label}
        style={styles.input}
      />
    </View>
  );
}

export function Button(props: {
  title: string;
  onPress: () => void;
  testID?: string;
  kind?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  big?: boolean;
}) {
  const kind = props.kind ?? 'primary';
  return (
    <Pressable
      role="button"
      testID={props.testID}
      disabled={props.disabled}
      onPress={props.onPress}
      style={[
        styles.button,
        styles[kind],
        props.big && styles.big,
        props.disabled && styles.disabled,
      ]}
    >
      <Text style={[styles.buttonText, kind === 'secondary' && styles.secondaryText]}>
        {props.title}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  safe: { flex: 1, backgroundColor: '#f6f7f9' },
  screen: { padding: 24, gap: 16, maxWidth: 480, width: '100%', alignSelf: 'center' },
  title: { fontSize: 26, fontWeight: '700', color: '#111' },
  body: { fontSize: 16, color: '#333', lineHeight: 22 },
  error: { color: '#b00020' },
  field: { gap: 6 },
  label: { fontSize: 14, color: '#555' },
  input: {
    borderWidth: 1,
    borderColor: '#ccc',
    borderRadius: 8,
    padding: 12,
    fontSize: 18,
    backgroundColor: '#fff',
  },
  button: { borderRadius: 8, paddingVertical: 14, paddingHorizontal: 16, alignItems: 'center' },
  primary: { backgroundColor: '#1a56db' },
  secondary: { backgroundColor: '#fff', borderWidth: 1, borderColor: '#1a56db' },
  danger: { backgroundColor: '#b00020' },
  big: { flex: 1, paddingVertical: 24 },
  disabled: { opacity: 0.5 },
  buttonText: { color: '#fff', fontSize: 18, fontWeight: '600' },
  secondaryText: { color: '#1a56db' },
});
